package studybuddy.reminders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import studybuddy.command.Attachment;
import studybuddy.command.Button;
import studybuddy.platform.Poll;
import studybuddy.storage.Database;

/** The outbox table: written in the scheduler's transactions, claimed by {@link OutboxSender}. */
public final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String INSERT = """
            insert into outbox (learner_id, platform, chat_id, direct, kind, dedupe_key, body, buttons,
                                next_attempt_at, created_at, attachment_name, attachment_type, attachment, poll)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb)
            on conflict (dedupe_key) do nothing""";

    // SKIP LOCKED: two senders never claim the same row; the lease keeps it claimed after this short
    // transaction commits, until the row is marked sent or deferred, or the lease runs out (crashed sender).
    private static final String CLAIM = """
            update outbox o
               set lease_until = ?
             where o.id in (select id from outbox
                             where status = 'pending' and next_attempt_at <= ?
                               and (lease_until is null or lease_until <= ?)
                             order by next_attempt_at, id
                             limit ?
                             for update skip locked)
            returning o.id, o.learner_id, o.platform, o.chat_id, o.direct, o.kind, o.body, o.buttons, o.attempts,
                      o.attachment_name, o.attachment_type, o.attachment, o.poll""";

    /** A claimed row. */
    public record Claimed(long id, Long learnerId, String platform, String chatId, boolean direct, String kind,
                          String body, List<Button> buttons, int attempts, Attachment attachment, Poll poll) {
    }

    private final Database db;

    public Outbox(Database db) {
        this.db = db;
    }

    /** Adds messages in the caller's transaction (a JDBC batch); a dedupe key already there is skipped. */
    public static void enqueue(Connection c, Collection<OutboxMessage> messages, Instant now) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (OutboxMessage m : messages) {
                if (m.learnerId() == null) {
                    ps.setNull(1, Types.BIGINT);
                } else {
                    ps.setLong(1, m.learnerId());
                }
                ps.setString(2, m.platform());
                ps.setString(3, m.chatId());
                ps.setBoolean(4, m.direct());
                ps.setString(5, m.kind());
                ps.setString(6, m.dedupeKey());
                ps.setString(7, m.body());
                ps.setString(8, toJson(m.buttons()));
                ps.setTimestamp(9, Timestamp.from(m.notBefore() == null ? now : m.notBefore()));
                ps.setTimestamp(10, Timestamp.from(now));
                Attachment a = m.attachment();
                ps.setString(11, a == null ? null : a.fileName());
                ps.setString(12, a == null ? null : a.mimeType());
                ps.setBytes(13, a == null ? null : a.data());
                ps.setString(14, m.poll() == null ? null : pollJson(m.poll()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<Claimed> claim(int max, Instant now, Instant leaseUntil) {
        return db.inTransaction(c -> {
            List<Claimed> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setTimestamp(1, Timestamp.from(leaseUntil));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setInt(4, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long learner = rs.getLong("learner_id");
                        // read wasNull right after the column it is about (group messages have no learner)
                        Long learnerId = rs.wasNull() ? null : learner;
                        out.add(new Claimed(rs.getLong("id"), learnerId, rs.getString("platform"),
                                rs.getString("chat_id"), rs.getBoolean("direct"), rs.getString("kind"),
                                rs.getString("body"), fromJson(rs.getString("buttons")), rs.getInt("attempts"),
                                attachment(rs), poll(rs.getString("poll"))));
                    }
                }
            }
            out.sort(java.util.Comparator.comparingLong(Claimed::id));
            return out;
        });
    }

    static String pollJson(Poll poll) {
        try {
            return JSON.writeValueAsString(poll);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Poll poll(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Poll.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox poll: " + json, e);
        }
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        byte[] data = rs.getBytes("attachment");
        return data == null ? null
                : new Attachment(rs.getString("attachment_name"), rs.getString("attachment_type"), data);
    }

    /**
     * Marks a row delivered. Its text, buttons and file are not kept once delivered: a group's summary quotes its
     * members' answers, links and projects, which must not outlive a member's /forget in the delivery log.
     */
    public void markSent(long id, Instant now) {
        update("""
                update outbox set status = 'sent', sent_at = ?, lease_until = null,
                                  body = '', buttons = '[]'::jsonb, attachment = null
                 where id = ?""",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setLong(2, id);
                });
    }

    /** Tries again later without counting an attempt (rate limited, or quiet hours). */
    public void defer(long id, Instant until, String why) {
        update("update outbox set next_attempt_at = ?, lease_until = null, last_error = ? where id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(until));
            ps.setString(2, why);
            ps.setLong(3, id);
        });
    }

    /** Counts a failed attempt: retried at {@code retryAt}, or given up once {@code maxAttempts} is reached. */
    public void failed(long id, Instant retryAt, String why, int maxAttempts) {
        update("""
                update outbox
                   set attempts = attempts + 1, next_attempt_at = ?, lease_until = null, last_error = ?,
                       status = case when attempts + 1 >= ? then 'dead' else 'pending' end
                 where id = ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(retryAt));
            ps.setString(2, why);
            ps.setInt(3, maxAttempts);
            ps.setLong(4, id);
        });
    }

    /** Gives up on a row, and on everything else pending for the same learner (or chat). */
    public void unreachable(Claimed row, String why) {
        update("""
                update outbox set status = 'dead', lease_until = null, last_error = ?
                 where status = 'pending' and (id = ? or learner_id = ? or (platform = ? and chat_id = ?))""", ps -> {
            ps.setString(1, why);
            ps.setLong(2, row.id());
            if (row.learnerId() == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, row.learnerId());
            }
            ps.setString(4, row.platform());
            ps.setString(5, row.chatId());
        });
    }

    /** Hands claimed rows back (a sender stopping), so another sender takes them at once. */
    public void release(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update outbox set lease_until = null where status = 'pending' and id = any(?)")) {
                Array arr = c.createArrayOf("bigint", ids.toArray());
                ps.setArray(1, arr);
                return ps.executeUpdate();
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    /** Buttons as stored: plain label/action/style triples (Button's isLink() is not a field). */
    private record StoredButton(String label, String action, String style) {
    }

    static String toJson(List<Button> buttons) {
        try {
            return JSON.writeValueAsString(buttons.stream()
                    .map(b -> new StoredButton(b.label(), b.action(), b.style().name())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Button> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<StoredButton>>() { }).stream()
                    .map(b -> new Button(b.label(), b.action(), Button.Style.valueOf(b.style()))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox buttons: " + json, e);
        }
    }
}

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
                                next_attempt_at, created_at, attachment_name, attachment_type, attachment, poll, priority)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?)
            on conflict (dedupe_key) do nothing""";

    // SKIP LOCKED: two senders never claim the same row; the lease keeps it claimed after this short
    // transaction commits, until the row is marked sent or deferred, or the lease runs out (a dead or frozen
    // sender: the live one renews its lease every second or so). What a person waits for now goes first
    // (priority 0: reminders, check-ins) before a weekly fan-out (priority 1: goals, nudges).
    private static final String CLAIM = """
            update outbox o
               set lease_until = ?, lease_token = ?::uuid
             where o.id in (select id from outbox
                             where status = 'pending' and next_attempt_at <= ?
                               and (lease_until is null or lease_until <= ?)
                               and (?::text[] is null or platform = any(?::text[]))
                             order by priority, next_attempt_at, id
                             limit ?
                             for update skip locked)
            returning o.id, o.learner_id, o.platform, o.chat_id, o.direct, o.kind, o.body, o.buttons, o.attempts,
                      o.attachment_name, o.attachment_type, o.attachment, o.poll""";

    /** A claimed row. */
    public record Claimed(long id, Long learnerId, String platform, String chatId, boolean direct, String kind,
                          String body, List<Button> buttons, int attempts, Attachment attachment, Poll poll) {
    }

    private static final String RENEW = """
            update outbox set lease_until = ? where lease_token = ?::uuid and status = 'pending' returning id""";

    // One probe per priority, each an index range read: when the next row comes due.
    private static final String NEXT_DUE = """
            select min(t) from (
              (select next_attempt_at t from outbox
                where status = 'pending' and priority = 0 and (lease_until is null or lease_until <= ?)
                  and (?::text[] is null or platform = any(?::text[]))
                order by next_attempt_at limit 1)
              union all
              (select next_attempt_at t from outbox
                where status = 'pending' and priority = 1 and (lease_until is null or lease_until <= ?)
                  and (?::text[] is null or platform = any(?::text[]))
                order by next_attempt_at limit 1)) x""";

    private static final String ACQUIRE_SENDER = """
            insert into outbox_sender (name, holder, lease_until) values (?, ?, ?)
            on conflict (name) do update set holder = excluded.holder, lease_until = excluded.lease_until
             where outbox_sender.holder = excluded.holder or outbox_sender.lease_until <= ?
            returning lease_until""";

    /** The sender lease of an instance that sends every platform. */
    public static final String SENDER = "outbox";

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
                ps.setShort(15, priority(m.kind()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A weekly fan-out (goals, nudges) waits behind what is due for one person now. */
    static short priority(String kind) {
        return (short) ("goals".equals(kind) || "nudge".equals(kind) ? 1 : 0);
    }

    /**
     * Claims up to {@code max} due rows for the drain holding {@code token}, until {@code leaseUntil}: only rows for
     * {@code platforms} (null: every platform), those this instance can send.
     */
    public List<Claimed> claim(int max, Instant now, Instant leaseUntil, String token, List<String> platforms) {
        return db.inTransaction(c -> {
            List<Claimed> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setTimestamp(1, Timestamp.from(leaseUntil));
                ps.setString(2, token);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setTimestamp(4, Timestamp.from(now));
                java.sql.Array only = platforms == null ? null : c.createArrayOf("text", platforms.toArray());
                ps.setArray(5, only);
                ps.setArray(6, only);
                ps.setInt(7, max);
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
     * Extends the lease of every row the drain holding {@code token} still has (not taken over by another
     * sender, not yet recorded); returns their ids.
     */
    public java.util.Set<Long> renew(String token, Instant leaseUntil) {
        return db.inTransaction(c -> {
            java.util.Set<Long> ids = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(RENEW)) {
                ps.setTimestamp(1, Timestamp.from(leaseUntil));
                ps.setString(2, token);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** When the next pending row for {@code platforms} (null: every platform) that nobody holds comes due, if any. */
    public java.util.Optional<Instant> nextDue(Instant now, List<String> platforms) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(NEXT_DUE)) {
                java.sql.Array only = platforms == null ? null : c.createArrayOf("text", platforms.toArray());
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setArray(2, only);
                ps.setArray(3, only);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setArray(5, only);
                ps.setArray(6, only);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp t = rs.getTimestamp(1);
                    return java.util.Optional.ofNullable(t).map(Timestamp::toInstant);
                }
            }
        });
    }

    /**
     * Takes or renews the sender lease {@code name} for {@code holder}, returning until when it holds (one lease per
     * set of platforms sent, so a Telegram-only and a Discord-only instance each send their own platform); empty when
     * another live instance holds it.
     */
    public java.util.Optional<Instant> holdSender(String name, String holder, Instant now, Instant until) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(ACQUIRE_SENDER)) {
                ps.setString(1, name);
                ps.setString(2, holder);
                ps.setTimestamp(3, Timestamp.from(until));
                ps.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(rs.getTimestamp(1).toInstant())
                            : java.util.Optional.<Instant>empty();
                }
            }
        });
    }

    /** Gives the sender lease up (an instance stopping), so another takes over at once. */
    public void releaseSender(String name, String holder) {
        update("delete from outbox_sender where name = ? and holder = ?", ps -> {
            ps.setString(1, name);
            ps.setString(2, holder);
        });
    }

    /** Marks rows sent, all in one statement (a row another sender already marked stays as it is). */
    public void markSent(List<Long> ids, List<Instant> at) {
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update outbox o set status = 'sent', sent_at = v.at, lease_until = null, lease_token = null,
                                      body = '', buttons = '[]'::jsonb, attachment = null
                      from unnest(?::bigint[], ?::timestamptz[]) v(id, at)
                     where o.id = v.id and o.status = 'pending'""")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.setArray(2, c.createArrayOf("timestamptz", at.stream().map(Timestamp::from).toArray()));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Tries again later without counting an attempt (rate limited, or quiet hours); only while the drain
     * holding {@code token} still holds the row (null: whoever holds it).
     */
    public void defer(long id, Instant until, String why, String token) {
        update("""
                update outbox set next_attempt_at = ?, lease_until = null, lease_token = null, last_error = ?
                 where id = ? and status = 'pending' and (?::uuid is null or lease_token = ?::uuid)""", ps -> {
            ps.setTimestamp(1, Timestamp.from(until));
            ps.setString(2, why);
            ps.setLong(3, id);
            ps.setString(4, token);
            ps.setString(5, token);
        });
    }

    /**
     * Counts a failed attempt: retried at {@code retryAt}, or given up once {@code maxAttempts} is reached; only
     * while the drain holding {@code token} still holds the row (null: whoever holds it).
     */
    public void failed(long id, Instant retryAt, String why, int maxAttempts, String token) {
        update("""
                update outbox
                   set attempts = attempts + 1, next_attempt_at = ?, lease_until = null, lease_token = null,
                       last_error = ?, status = case when attempts + 1 >= ? then 'dead' else 'pending' end
                 where id = ? and status = 'pending' and (?::uuid is null or lease_token = ?::uuid)""", ps -> {
            ps.setTimestamp(1, Timestamp.from(retryAt));
            ps.setString(2, why);
            ps.setInt(3, maxAttempts);
            ps.setLong(4, id);
            ps.setString(5, token);
            ps.setString(6, token);
        });
    }

    /** Gives up on a row, and on everything else pending for the same learner (or chat). */
    public void unreachable(Claimed row, String why) {
        update("""
                update outbox set status = 'dead', lease_until = null, lease_token = null, last_error = ?
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

    /**
     * Hands claimed rows back (a sender stopping, a time box ending, a drain the database failed), so another
     * sender takes them at once; only rows the drain holding {@code token} still holds (null: any).
     */
    public void release(Collection<Long> ids, String token) {
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update outbox set lease_until = null, lease_token = null
                     where status = 'pending' and id = any(?) and (?::uuid is null or lease_token = ?::uuid)""")) {
                Array arr = c.createArrayOf("bigint", ids.toArray());
                ps.setArray(1, arr);
                ps.setString(2, token);
                ps.setString(3, token);
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

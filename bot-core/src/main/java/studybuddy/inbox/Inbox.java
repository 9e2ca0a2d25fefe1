package studybuddy.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.storage.Database;

/**
 * The inbox table: every incoming update is added here before the platform learns it arrived, and handled from
 * here. A claim takes only the oldest unhandled update of each chat, and only when no live claim holds that chat's
 * head, so one chat's updates run one at a time and in order on whichever instance claims them (SKIP LOCKED: two
 * instances never take the same row; a lease hands a crashed instance's rows to the others).
 */
public final class Inbox {
    private static final Messages MSG = new Messages("inbox");

    private static final String ADD = """
            insert into inbox (platform, update_key, user_id, chat_id, payload, received_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (platform, update_key) do nothing""";

    private static final String LOCK = """
            select id from inbox where id = any(?) order by id for update skip locked""";

    private final Database db;

    public Inbox(Database db) {
        this.db = db;
    }

    /** What to say while the database is away, in the platform's language. */
    public static String databaseDown(Lang lang) {
        return MSG.get(lang, "database.down");
    }

    /** Adds an update; false when it was already there (a re-delivery). */
    public boolean add(IncomingUpdate u, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(ADD)) {
                ps.setString(1, u.platform());
                ps.setString(2, u.key());
                ps.setString(3, u.userId());
                ps.setString(4, u.chatId());
                ps.setString(5, u.payload());
                ps.setTimestamp(6, Timestamp.from(now));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Claims up to {@code limit} updates of a platform for {@code owner}: the head of each chat's queue whose head
     * is free (never claimed, or its lease ran out), oldest first.
     */
    public List<InboxEntry> claim(String platform, String owner, int limit, Instant now, Duration lease) {
        if (limit <= 0) {
            return List.of();
        }
        return db.inTransaction(c -> {
            // Lock the candidate heads first (SKIP LOCKED), so that two instances claiming at once split them
            // instead of one waiting for the other.
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select h.id
                      from (select distinct on (chat_id) id, lease_until
                              from inbox
                             where platform = ? and handled_at is null
                             order by chat_id, id) h
                     where h.lease_until is null or h.lease_until <= ?
                     order by h.id
                     limit ?""")) {
                ps.setString(1, platform);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            List<Long> locked = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                ps.setArray(1, c.createArrayOf("bigint", candidates.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        locked.add(rs.getLong(1));
                    }
                }
            }
            List<InboxEntry> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    update inbox
                       set claimed_by = ?, lease_until = ?, attempts = attempts + 1
                     where id = any(?) and handled_at is null and (lease_until is null or lease_until <= ?)
                    returning id, platform, update_key, user_id, chat_id, payload, attempts""")) {
                ps.setString(1, owner);
                ps.setTimestamp(2, Timestamp.from(now.plus(lease)));
                ps.setArray(3, c.createArrayOf("bigint", locked.toArray()));
                ps.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new InboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getInt(7)));
                    }
                }
            }
            claimed.sort(java.util.Comparator.comparingLong(InboxEntry::id));
            return claimed;
        });
    }

    /** Marks an update handled (it stays until pruned, so that a re-delivery is still recognised). */
    public void handled(long id, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update inbox set handled_at = ?, claimed_by = null, lease_until = null where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Hands claimed updates back at once (their owner could not handle them now; they are retried). */
    public void release(Collection<Long> ids, String owner) {
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update inbox set claimed_by = null, lease_until = null
                     where id = any(?) and claimed_by = ? and handled_at is null""")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes updates handled before {@code before}; returns how many. */
    public int prune(Instant before) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    delete from inbox where id in (select id from inbox where handled_at < ? limit 10000)""")) {
                ps.setTimestamp(1, Timestamp.from(before));
                return ps.executeUpdate();
            }
        });
    }

    /** Updates of a platform not handled yet (for tests and monitoring). */
    public int pending(String platform) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from inbox where platform = ? and handled_at is null")) {
                ps.setString(1, platform);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}

package studybuddy.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.reminders.ReminderService;
import studybuddy.storage.Database;

/**
 * One learner across platforms. {@code /link} hands out a short code; sending it from another platform merges the
 * two learners into one, in one transaction. The learner row keeps the home account (where personal reminders
 * go); {@code learner_account} maps every platform account to its learner.
 *
 * <p>Merge rules, so that the outcome never depends on who sent the code:
 * <ul>
 *   <li>the older profile (created first) is the one kept; its settings win, unless only the other has a plan,
 *       then the plan (settings, weekly goals, schedule) comes from the other;</li>
 *   <li>progress is the union; a unit both marked keeps the earlier date (and "done" beats "skipped");</li>
 *   <li>everything else that belongs to a learner (reminders, notes, links, projects, group memberships, check-in
 *       answers, outbox history, and rows of tables added later) moves over, except rows that would duplicate one
 *       the kept profile already has (the same group, the same week's answer).</li>
 * </ul>
 */
public final class AccountLinks {
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    /** Wrong codes a learner may send within {@link #GUARD_WINDOW} before /link CODE refuses. */
    public static final int MAX_FAILURES = 5;
    public static final Duration GUARD_WINDOW = Duration.ofHours(1);
    // No 0/O, 1/I/L: a code is read on one screen and typed on another.
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;
    private static final Logger log = LoggerFactory.getLogger(AccountLinks.class);

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccountLinks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A fresh code for the learner (replacing an older one), shown as XXXX-XXXX. */
    public Issued issue(long learnerId, String platform) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant expires = clock.instant().plus(CODE_VALIDITY);
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("delete from link_code where learner_id = ? or expires_at <= ?")) {
                del.setLong(1, learnerId);
                del.setTimestamp(2, Timestamp.from(clock.instant()));
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into link_code (code_hash, learner_id, platform, expires_at) values (?, ?, ?, ?)")) {
                ps.setString(1, hash(code.toString()));
                ps.setLong(2, learnerId);
                ps.setString(3, platform);
                ps.setTimestamp(4, Timestamp.from(expires));
                return ps.executeUpdate();
            }
        });
        return new Issued(code.substring(0, 4) + "-" + code.substring(4), expires);
    }

    public record Issued(String code, Instant expiresAt) {
    }

    /** What sending a code did. */
    public sealed interface Outcome {
    }

    /** Too many wrong codes lately: no code is even looked at until {@code until}. */
    public record Locked(Instant until) implements Outcome {
    }

    public record WrongCode(int triesLeft) implements Outcome {
    }

    public record OwnCode() implements Outcome {
    }

    public record AlreadyLinked() implements Outcome {
    }

    /** Both learners have an account on the same platform: one learner has one account per platform. */
    public record SamePlatform(String platform) implements Outcome {
    }

    /**
     * The two are one learner now.
     *
     * @param keptId        the learner id that stays
     * @param settingsFrom  the platform of the profile whose settings won
     * @param olderWon      true when the settings are the older profile's; false when only the newer had a plan
     * @param codeAccount   the account that asked for the code (told on its own platform)
     */
    public record Merged(long keptId, String settingsFrom, boolean olderWon, int reminders, int groups,
                         String homePlatform, PersonalData.Account codeAccount) implements Outcome {
    }

    /** /link CODE from the caller's learner, in one transaction. */
    public Outcome redeem(long callerId, String callerPlatform, String typed) {
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            Optional<Instant> locked = lockedUntil(c, callerId, now);
            if (locked.isPresent()) {
                return new Locked(locked.get());
            }
            long ownerId;
            String ownerPlatform;
            try (PreparedStatement ps = c.prepareStatement(
                    "select learner_id, platform from link_code where code_hash = ? and expires_at > ? for update")) {
                ps.setString(1, hash(normalize(typed)));
                ps.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        int failures = fail(c, callerId, now);
                        return failures >= MAX_FAILURES ? new Locked(now.plus(GUARD_WINDOW))
                                : new WrongCode(MAX_FAILURES - failures);
                    }
                    ownerId = rs.getLong(1);
                    ownerPlatform = rs.getString(2);
                }
            }
            if (ownerId == callerId) {
                return ownerPlatform.equals(callerPlatform) ? new OwnCode() : new AlreadyLinked();
            }
            // lock both learners in id order: two merges touching the same learners never deadlock
            lockLearners(c, Math.min(ownerId, callerId), Math.max(ownerId, callerId));
            List<PersonalData.Account> ownerAccounts = PersonalData.accounts(c, ownerId);
            List<PersonalData.Account> callerAccounts = PersonalData.accounts(c, callerId);
            for (PersonalData.Account a : ownerAccounts) {
                if (callerAccounts.stream().anyMatch(b -> b.platform().equals(a.platform()))) {
                    return new SamePlatform(a.platform());
                }
            }
            PersonalData.Account codeAccount = ownerAccounts.stream().filter(a -> a.platform().equals(ownerPlatform))
                    .findFirst().orElse(ownerAccounts.get(0));
            try (PreparedStatement ps = c.prepareStatement("delete from link_code where learner_id = ?")) {
                ps.setLong(1, ownerId);
                ps.executeUpdate();
            }
            clearFailures(c, callerId);
            Merged merged = merge(c, ownerId, callerId, now, codeAccount);
            log.info("Merged learner {} into learner {} (accounts on {} and {})", merged.keptId() == ownerId ? callerId
                    : ownerId, merged.keptId(), ownerPlatform, callerPlatform);
            return merged;
        });
    }

    private static void lockLearners(Connection c, long first, long second) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from learner where id = ? for update")) {
            ps.setLong(1, first);
            ps.executeQuery().close();
            ps.setLong(1, second);
            ps.executeQuery().close();
        }
    }

    private record Profile(long id, Instant createdAt, boolean onboarded, String platform) {
    }

    private static Profile profile(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id, created_at, onboarded_at is not null, platform from learner where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Profile(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3), rs.getString(4));
            }
        }
    }

    private Merged merge(Connection c, long a, long b, Instant now, PersonalData.Account codeAccount)
            throws SQLException {
        Profile pa = profile(c, a);
        Profile pb = profile(c, b);
        boolean aOlder = pa.createdAt().isBefore(pb.createdAt())
                || pa.createdAt().equals(pb.createdAt()) && pa.id() < pb.id();
        Profile kept = aOlder ? pa : pb;
        Profile gone = aOlder ? pb : pa;
        boolean olderWon = kept.onboarded() || !gone.onboarded();
        if (!olderWon) {
            // only the newer profile has a plan: its settings, its weeks and its schedule come over
            update(c, """
                    update learner k
                       set background = g.background, path = g.path, weekly_hours = g.weekly_hours,
                           timezone = g.timezone, lang = g.lang, checkin_day = g.checkin_day,
                           checkin_time = g.checkin_time, onboarded_at = g.onboarded_at, updated_at = ?
                      from learner g
                     where k.id = ? and g.id = ?""", Timestamp.from(now), kept.id(), gone.id());
            update(c, "delete from weekly_goal where learner_id = ?", kept.id());
            update(c, "delete from learner_schedule where learner_id = ?", kept.id());
        } else {
            update(c, "delete from weekly_goal where learner_id = ?", gone.id());
            update(c, "delete from learner_schedule where learner_id = ?", gone.id());
        }
        // progress: the union, "done" beats "skipped", the earlier date of the same mark
        update(c, """
                insert into unit_progress (learner_id, unit_id, status, marked_at)
                select ?, unit_id, status, marked_at from unit_progress where learner_id = ?
                on conflict (learner_id, unit_id) do update
                   set marked_at = case when unit_progress.status = excluded.status
                                          then least(unit_progress.marked_at, excluded.marked_at)
                                        when unit_progress.status = 'done' then unit_progress.marked_at
                                        else excluded.marked_at end,
                       status = case when unit_progress.status = 'done' or excluded.status = 'done' then 'done'
                                     else 'skipped' end""", kept.id(), gone.id());
        update(c, "delete from unit_progress where learner_id = ?", gone.id());
        update(c, "delete from dialogue where learner_id = ?", gone.id());
        update(c, "delete from link_code where learner_id = ?", gone.id());
        update(c, "delete from link_guard where learner_id = ?", gone.id());
        update(c, "update learner_account set learner_id = ? where learner_id = ?", kept.id(), gone.id());
        for (PersonalData.Reference ref : PersonalData.references(c)) {
            if (ref.direct() && !ref.table().equals("learner_account")) {
                moveRows(c, ref.table(), ref.column(), kept.id(), gone.id());
            }
        }
        // the week's goals now done on the other side are ticked too
        update(c, """
                update weekly_goal g set done_at = p.marked_at
                  from unit_progress p
                 where g.learner_id = ? and p.learner_id = g.learner_id and p.unit_id = g.unit_id and p.status = 'done'
                   and g.done_at is null
                   and g.week_start = (select max(week_start) from weekly_goal where learner_id = g.learner_id)""",
                kept.id());
        update(c, "delete from learner where id = ?", gone.id());
        // recurring reminders keep their wall-clock time in the kept zone, as when a learner moves
        String zone = null;
        try (PreparedStatement ps = c.prepareStatement("select timezone from learner where id = ?")) {
            ps.setLong(1, kept.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    zone = rs.getString(1);
                }
            }
        }
        if (zone != null) {
            ReminderService.followZone(c, kept.id(), java.time.ZoneId.of(zone), now);
        }
        int reminders = count(c, "select count(*) from reminder where learner_id = ? and active", kept.id());
        int groups = count(c, "select count(*) from group_member where learner_id = ?", kept.id());
        return new Merged(kept.id(), olderWon ? kept.platform() : gone.platform(), olderWon, reminders, groups,
                kept.platform(), codeAccount);
    }

    /**
     * Moves a table's rows from one learner to another, except rows that would break a unique index that includes
     * the learner column (the kept learner already has that group, that week…): those go with the old learner.
     */
    static void moveRows(Connection c, String table, String column, long to, long from) throws SQLException {
        List<List<String>> uniques = new ArrayList<>();
        boolean expression = false;
        try (PreparedStatement ps = c.prepareStatement("""
                select array(select a.attname from unnest(i.indkey) with ordinality k(num, ord)
                               left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num
                              order by k.ord)::text[], 0 = any(i.indkey::smallint[])
                  from pg_index i join pg_class t on t.oid = i.indrelid
                 where i.indisunique and t.relname = ?
                   and t.relnamespace = (select oid from pg_namespace where nspname = current_schema())""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> cols = new ArrayList<>(List.of((String[]) rs.getArray(1).getArray()));
                    if (rs.getBoolean(2)) {
                        expression = true;
                    } else if (cols.contains(column)) {
                        cols.remove(column);
                        uniques.add(cols);
                    }
                }
            }
        }
        if (expression) {
            return; // cannot tell duplicates apart: the rows stay with the learner that goes
        }
        StringBuilder sql = new StringBuilder("update " + PersonalData.quote(table) + " t set "
                + PersonalData.quote(column) + " = ? where t." + PersonalData.quote(column) + " = ?");
        for (List<String> cols : uniques) {
            sql.append(" and not exists (select 1 from ").append(PersonalData.quote(table)).append(" u where u.")
                    .append(PersonalData.quote(column)).append(" = ?");
            for (String col : cols) {
                sql.append(" and u.").append(PersonalData.quote(col)).append(" is not distinct from t.")
                        .append(PersonalData.quote(col));
            }
            sql.append(')');
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            for (int i = 0; i < uniques.size(); i++) {
                ps.setLong(3 + i, to);
            }
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- home and unlink

    /** Makes the learner's account on {@code platform} the home one; false when they have none there. */
    public boolean setHome(long learnerId, String platform) {
        return db.inTransaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("""
                    update learner l
                       set platform = a.platform, user_id = a.user_id, chat_id = a.chat_id,
                           display_name = a.display_name, reachable = true, unreachable_reason = null, updated_at = ?
                      from learner_account a
                     where l.id = ? and a.learner_id = l.id and a.platform = ?""")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setLong(2, learnerId);
                ps.setString(3, platform);
                n = ps.executeUpdate();
            }
            return n == 1;
        });
    }

    /**
     * Separates an account that is not the home one into a learner of its own: it starts with a copy of the
     * settings and progress, and takes the memberships (and answers) of its platform's groups; reminders, goals,
     * notes, links and projects stay with the home account.
     */
    public long unlink(long learnerId, PersonalData.Account account) {
        if (account.home()) {
            throw new IllegalArgumentException("the home account stays with the learner");
        }
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            lockLearners(c, learnerId, learnerId);
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into learner (platform, user_id, chat_id, display_name, lang, background, path, weekly_hours,
                                         timezone, checkin_day, checkin_time, onboarded_at, created_at, updated_at)
                    select ?, ?, ?, ?, lang, background, path, weekly_hours, timezone, checkin_day, checkin_time,
                           onboarded_at, ?, ?
                      from learner where id = ?
                    returning id""")) {
                ps.setString(1, account.platform());
                ps.setString(2, account.userId());
                ps.setString(3, account.chatId());
                ps.setString(4, account.displayName());
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                ps.setLong(7, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            update(c, "update learner_account set learner_id = ?, linked_at = ? where platform = ? and user_id = ?",
                    id, Timestamp.from(now), account.platform(), account.userId());
            update(c, """
                    insert into unit_progress (learner_id, unit_id, status, marked_at)
                    select ?, unit_id, status, marked_at from unit_progress where learner_id = ?""", id, learnerId);
            update(c, """
                    update checkin_answer a set learner_id = ?
                      from checkin_window w join study_group g on g.id = w.group_id
                     where a.window_id = w.id and a.learner_id = ? and g.platform = ?""", id, learnerId,
                    account.platform());
            update(c, """
                    update group_member m set learner_id = ?
                      from study_group g
                     where g.id = m.group_id and m.learner_id = ? and g.platform = ?""", id, learnerId,
                    account.platform());
            log.info("Separated the {} account of learner {} into learner {}", account.platform(), learnerId, id);
            return id;
        });
    }

    // ---------------------------------------------------------------- guard against guessing

    private static Optional<Instant> lockedUntil(Connection c, long learnerId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select failures, window_start from link_guard where learner_id = ?")) {
            ps.setLong(1, learnerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) >= MAX_FAILURES) {
                    Instant until = rs.getTimestamp(2).toInstant().plus(GUARD_WINDOW);
                    if (until.isAfter(now)) {
                        return Optional.of(until);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Counts a wrong code; returns the failures in the current window, this one included. */
    private static int fail(Connection c, long learnerId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into link_guard (learner_id, failures, window_start) values (?, 1, ?)
                on conflict (learner_id) do update
                   set failures = case when link_guard.window_start <= ? then 1 else link_guard.failures + 1 end,
                       window_start = case when link_guard.window_start <= ? then excluded.window_start
                                           else link_guard.window_start end
                returning failures""")) {
            ps.setLong(1, learnerId);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now.minus(GUARD_WINDOW)));
            ps.setTimestamp(4, Timestamp.from(now.minus(GUARD_WINDOW)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void clearFailures(Connection c, long learnerId) throws SQLException {
        update(c, "delete from link_guard where learner_id = ?", learnerId);
    }

    // ---------------------------------------------------------------- helpers

    /** A code as typed: any case, with or without the dash or spaces. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-－—_]", "");
    }

    static boolean looksLikeCode(String typed) {
        String n = normalize(typed);
        return n.length() == CODE_LENGTH && n.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0);
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static int count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}

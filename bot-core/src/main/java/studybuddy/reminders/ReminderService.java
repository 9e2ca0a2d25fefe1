package studybuddy.reminders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRepository;
import studybuddy.learner.LearnerSettings;
import studybuddy.storage.Database;

/**
 * Reminders: /remind, /reminders, /remind cancel, /pause, /resume, /quiet, and the sweep that turns due
 * reminders into outbox messages. The sweep claims due rows with FOR UPDATE SKIP LOCKED and, in the same
 * transaction, writes the outbox rows and advances next_fire_at: two instances never fire one occurrence twice,
 * and a crash between the two is impossible.
 */
public final class ReminderService {
    public static final int MAX_ACTIVE = 50;
    /** Reminders later than this (the bot was down) are folded into one "while I was offline" message. */
    public static final Duration LATE = Duration.ofHours(1);
    public static final int MAX_PAUSE_DAYS = 365;
    static final Messages MSG = new Messages("reminders");
    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

    // Ordered by next_fire_at alone, so a batch walks reminder_due from the oldest due row and stops after the
    // batch (no tie-breaker: thousands share the same minute). Ordering by learner re-read every row handled by
    // the earlier batches of a sweep, quadratic in a large spike. A learner's late reminders are still folded
    // into one message per batch.
    static final String DUE = """
            select r.id, r.learner_id, r.body, r.kind, r.local_time, r.day_of_week, r.week_days, r.every_days,
                   r.anchor_date, r.zone, r.next_fire_at, l.platform, l.chat_id, l.lang, s.paused_until, s.quiet_start, s.quiet_end
              from reminder r
              join learner l on l.id = r.learner_id
              left join learner_schedule s on s.learner_id = r.learner_id
             where r.active and r.next_fire_at <= ? and l.reachable
             order by r.next_fire_at
             limit ?
               for update of r skip locked""";

    private static final String INSERT = """
            insert into reminder (learner_id, body, kind, local_time, day_of_week, zone, next_fire_at, created_at,
                                  week_days, every_days, anchor_date)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            returning id""";

    /** One reminder as /reminders shows it. */
    public record Reminder(long id, String body, ReminderRule rule, Optional<Instant> nextFireAt) {
    }

    private final Database db;
    private final LearnerRepository learners;
    private final Clock clock;
    private final int batchSize;

    public ReminderService(Database db, LearnerRepository learners, Clock clock) {
        this(db, learners, clock, 1000);
    }

    public ReminderService(Database db, LearnerRepository learners, Clock clock, int batchSize) {
        this.db = db;
        this.learners = learners;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    static ZoneId zoneOf(Learner learner) {
        return learner.settings().map(LearnerSettings::zone).orElse(ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- commands

    /** /remind &lt;when&gt; &lt;text&gt; and /remind cancel &lt;id&gt;. */
    public Reply remind(Learner learner, String input) {
        Lang lang = learner.lang();
        String s = input == null ? "" : input.strip();
        Matcher cancel = Pattern.compile("^(?:cancel|delete|取消|删除)\\s*#?(\\S*)\\s*$", Pattern.CASE_INSENSITIVE)
                .matcher(s);
        if (cancel.matches()) {
            return cancel(learner, cancel.group(1));
        }
        ZoneId zone = zoneOf(learner);
        ZonedDateTime now = clock.instant().atZone(zone);
        ReminderParser.Result result = ReminderParser.parse(s, now);
        if (result instanceof ReminderParser.Refused r) {
            String why = MSG.get(lang, r.key(), r.args().toArray());
            return Reply.text(why + "\n\n" + MSG.get(lang, "examples"));
        }
        ReminderParser.Parsed p = (ReminderParser.Parsed) result;
        Instant next = p.rule().nextAfter(clock.instant()).orElseThrow();
        Optional<Long> id = create(learner.id(), p.rule(), p.text(), next);
        if (id.isEmpty()) {
            return Reply.text(MSG.get(lang, "limit", MAX_ACTIVE));
        }
        return Reply.text(MSG.get(lang, "created", String.valueOf(id.get()), p.text(), describe(lang, p.rule()),
                formatLocal(lang, next, zone), zoneName(zone)));
    }

    /** Stores a reminder unless the learner already has {@link #MAX_ACTIVE}; returns its id. */
    public Optional<Long> create(long learnerId, ReminderRule rule, String body, Instant next) {
        return db.inTransaction(c -> {
            // the learner's row lock makes the count and the insert one step, even with two instances
            try (PreparedStatement lock = c.prepareStatement("select id from learner where id = ? for update")) {
                lock.setLong(1, learnerId);
                lock.executeQuery().close();
            }
            try (PreparedStatement count = c.prepareStatement(
                    "select count(*) from reminder where learner_id = ? and active")) {
                count.setLong(1, learnerId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= MAX_ACTIVE) {
                        return Optional.<Long>empty();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setLong(1, learnerId);
                ps.setString(2, body);
                ps.setString(3, rule.kind().id());
                if (rule.time() == null) {
                    ps.setNull(4, Types.TIME);
                } else {
                    ps.setObject(4, rule.time());
                }
                if (rule.day() == null) {
                    ps.setNull(5, Types.SMALLINT);
                } else {
                    ps.setShort(5, (short) rule.day().getValue());
                }
                ps.setString(6, rule.zone().getId());
                ps.setTimestamp(7, Timestamp.from(next));
                ps.setTimestamp(8, Timestamp.from(clock.instant()));
                if (rule.kind() == ReminderRule.Kind.WEEKLY && rule.days().size() > 1) {
                    ps.setShort(9, (short) rule.days().stream().mapToInt(d -> 1 << (d.getValue() - 1)).sum());
                } else {
                    ps.setNull(9, Types.SMALLINT);
                }
                if (rule.kind() == ReminderRule.Kind.EVERY_N_DAYS) {
                    ps.setInt(10, rule.everyDays());
                    ps.setObject(11, rule.anchor());
                } else {
                    ps.setNull(10, Types.INTEGER);
                    ps.setNull(11, Types.DATE);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(rs.getLong(1));
                }
            }
        });
    }

    public List<Reminder> active(long learnerId) {
        return db.inTransaction(c -> {
            List<Reminder> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select id, body, kind, local_time, day_of_week, week_days, every_days, anchor_date, zone,
                           next_fire_at from reminder
                     where learner_id = ? and active order by next_fire_at nulls last, id""")) {
                ps.setLong(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<Instant> next = Optional.ofNullable(rs.getTimestamp("next_fire_at")).map(Timestamp::toInstant);
                        out.add(new Reminder(rs.getLong("id"), rs.getString("body"), rule(rs, next.orElse(null)), next));
                    }
                }
            }
            return out;
        });
    }

    /**
     * A learner moved to another timezone: their daily and weekly reminders keep their wall-clock time in the new
     * zone ("every day 21:00" is 21:00 where they are now). One-time reminders keep the instant they were set for.
     */
    public int followZone(long learnerId, ZoneId zone) {
        return db.inTransaction(c -> followZone(c, learnerId, zone, clock.instant()));
    }

    /** As {@link #followZone(long, ZoneId)}, in the caller's transaction (e.g. two learners merged into one). */
    public static int followZone(Connection c, long learnerId, ZoneId zone, Instant now) throws SQLException {
        {
            int moved = 0;
            try (PreparedStatement sel = c.prepareStatement("""
                    select id, kind, local_time, day_of_week, week_days, every_days, anchor_date, zone, next_fire_at
                      from reminder
                     where learner_id = ? and active and kind <> 'once' and zone <> ?
                       for update""");
                 PreparedStatement upd = c.prepareStatement(
                         "update reminder set zone = ?, next_fire_at = ? where id = ?")) {
                sel.setLong(1, learnerId);
                sel.setString(2, zone.getId());
                try (ResultSet rs = sel.executeQuery()) {
                    while (rs.next()) {
                        ReminderRule old = rule(rs, null);
                        ReminderRule movedRule = old.inZone(zone);
                        upd.setString(1, zone.getId());
                        upd.setTimestamp(2, Timestamp.from(movedRule.nextAfter(now).orElseThrow()));
                        upd.setLong(3, rs.getLong("id"));
                        upd.addBatch();
                        moved++;
                    }
                }
                if (moved > 0) {
                    upd.executeBatch();
                }
            }
            return moved;
        }
    }

    /** /reminders. */
    public Reply list(Learner learner) {
        Lang lang = learner.lang();
        ZoneId zone = zoneOf(learner);
        StringBuilder text = new StringBuilder();
        if (!learner.reachable()) {
            text.append(MSG.get(lang, "list.unreachable", learner.unreachableReason().orElse("?"))).append("\n\n");
        }
        Schedule schedule = schedule(learner.id());
        schedule.pausedUntil().filter(u -> u.isAfter(clock.instant()))
                .ifPresent(u -> text.append(MSG.get(lang, "list.paused", formatLocal(lang, u, zone))).append("\n\n"));
        if (schedule.quietStart() != null) {
            text.append(MSG.get(lang, "list.quiet", schedule.quietStart(), schedule.quietEnd())).append("\n\n");
        }
        List<Reminder> all = active(learner.id());
        if (all.isEmpty()) {
            return Reply.text(text.append(MSG.get(lang, "list.empty")).toString());
        }
        text.append(MSG.get(lang, "list.title", all.size(), zoneName(zone)));
        for (Reminder r : all) {
            String next = r.nextFireAt().map(n -> formatLocal(lang, n, zone)).orElse("—");
            text.append('\n').append(MSG.get(lang, "list.item", String.valueOf(r.id()), r.body(), describe(lang, r.rule()), next));
        }
        return Reply.text(text.toString());
    }

    private Reply cancel(Learner learner, String ref) {
        Lang lang = learner.lang();
        long id;
        try {
            id = Long.parseLong(ref);
        } catch (NumberFormatException e) {
            return Reply.text(MSG.get(lang, "cancel.usage"));
        }
        int n = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update reminder set active = false, next_fire_at = null where id = ? and learner_id = ? and active")) {
                ps.setLong(1, id);
                ps.setLong(2, learner.id());
                return ps.executeUpdate();
            }
        });
        return Reply.text(MSG.get(lang, n == 1 ? "cancel.done" : "cancel.notFound", String.valueOf(id)));
    }

    /** /pause [days]: no reminders until then (one-time ones wait, recurring ones skip). */
    public Reply pause(Learner learner, String daysText) {
        Lang lang = learner.lang();
        int days = 7;
        String d = daysText == null ? "" : daysText.strip();
        if (!d.isEmpty()) {
            try {
                days = Integer.parseInt(d.replaceAll("(?i)\\s*(d|days?|天)$", ""));
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 1 || days > MAX_PAUSE_DAYS) {
                return Reply.text(MSG.get(lang, "pause.invalid", MAX_PAUSE_DAYS));
            }
        }
        Instant until = clock.instant().plus(Duration.ofDays(days));
        setPause(learner.id(), until);
        return Reply.text(MSG.get(lang, "pause.done", formatLocal(lang, until, zoneOf(learner))));
    }

    /** /resume: ends a pause, and says the learner can be reached again. */
    public Reply resume(Learner learner) {
        setPause(learner.id(), null);
        if (!learner.reachable()) {
            learners.setReachable(learner.id(), true, null);
        }
        return Reply.text(MSG.get(learner.lang(), "resume.done"));
    }

    /**
     * Sets (or, with null, ends) a learner's pause. One-time reminders the old pause was holding (the sweep moved
     * them to its end) follow the change: they come when the new pause ends, or at once when it is over.
     */
    private void setPause(long learnerId, Instant until) {
        db.inTransaction(c -> {
            try (PreparedStatement ins = c.prepareStatement(
                    "insert into learner_schedule (learner_id) values (?) on conflict do nothing")) {
                ins.setLong(1, learnerId);
                ins.executeUpdate();
            }
            Timestamp old;
            try (PreparedStatement ps = c.prepareStatement(
                    "select paused_until from learner_schedule where learner_id = ? for update")) {
                ps.setLong(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    old = rs.getTimestamp(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update learner_schedule set paused_until = ? where learner_id = ?")) {
                if (until == null) {
                    ps.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setTimestamp(1, Timestamp.from(until));
                }
                ps.setLong(2, learnerId);
                ps.executeUpdate();
            }
            if (old != null) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update reminder set next_fire_at = ?
                         where learner_id = ? and active and kind = 'once' and next_fire_at = ?""")) {
                    ps.setTimestamp(1, Timestamp.from(until == null ? clock.instant() : until));
                    ps.setLong(2, learnerId);
                    ps.setTimestamp(3, old);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static final Pattern QUIET = Pattern.compile("^(\\d{1,2})[:：](\\d{2})\\s*[-–~到至]\\s*(\\d{1,2})[:：](\\d{2})$");

    /** /quiet 22:00-08:00 and /quiet off: messages due inside the window wait for its end. */
    public Reply quiet(Learner learner, String input) {
        Lang lang = learner.lang();
        String s = input == null ? "" : input.strip();
        if (s.equalsIgnoreCase("off") || s.equals("关闭") || s.equals("关")) {
            updateSchedule(learner.id(), "quiet_start = ?, quiet_end = null", ps -> ps.setNull(1, Types.TIME));
            return Reply.text(MSG.get(lang, "quiet.off"));
        }
        Matcher m = QUIET.matcher(s);
        if (!m.matches()) {
            return Reply.text(MSG.get(lang, "quiet.invalid"));
        }
        int h1 = Integer.parseInt(m.group(1));
        int m1 = Integer.parseInt(m.group(2));
        int h2 = Integer.parseInt(m.group(3));
        int m2 = Integer.parseInt(m.group(4));
        if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59 || (h1 == h2 && m1 == m2)) {
            return Reply.text(MSG.get(lang, "quiet.invalid"));
        }
        LocalTime start = LocalTime.of(h1, m1);
        LocalTime end = LocalTime.of(h2, m2);
        updateSchedule(learner.id(), "quiet_start = ?, quiet_end = ?", ps -> {
            ps.setObject(1, start);
            ps.setObject(2, end);
        });
        return Reply.text(MSG.get(lang, "quiet.set", start, end, zoneName(zoneOf(learner))));
    }

    // ---------------------------------------------------------------- per-learner schedule row

    /** Pause and quiet hours of a learner. */
    public record Schedule(Optional<Instant> pausedUntil, LocalTime quietStart, LocalTime quietEnd, boolean nudges) {
    }

    public Schedule schedule(long learnerId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select paused_until, quiet_start, quiet_end, nudges from learner_schedule where learner_id = ?")) {
                ps.setLong(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Schedule(Optional.empty(), null, null, true);
                    }
                    return new Schedule(Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant),
                            rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class), rs.getBoolean(4));
                }
            }
        });
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    void updateSchedule(long learnerId, String set, Binder binder) {
        db.inTransaction(c -> {
            try (PreparedStatement ins = c.prepareStatement(
                    "insert into learner_schedule (learner_id) values (?) on conflict do nothing")) {
                ins.setLong(1, learnerId);
                ins.executeUpdate();
            }
            String sql = "update learner_schedule set " + set + " where learner_id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.setLong((int) sql.chars().filter(ch -> ch == '?').count(), learnerId);
                return ps.executeUpdate();
            }
        });
    }

    // ---------------------------------------------------------------- sweep

    /** Turns every due reminder into an outbox message; returns how many reminders it handled. */
    public int sweep() {
        int total = 0;
        while (true) {
            int n = db.inTransaction(this::sweepBatch);
            total += n;
            if (n < batchSize) {
                break;
            }
        }
        while (db.inTransaction(this::skipUnreachable) == batchSize) {
            // keep going: a large backlog of unreachable learners' reminders
        }
        return total;
    }

    // Learners the platform cannot reach get nothing; their daily and weekly reminders move on to the next
    // occurrence so that they neither pile up nor make every sweep walk past them. One-time reminders wait and
    // arrive (folded if late) once the learner is reachable again.
    private static final String DUE_UNREACHABLE = """
            select r.id, r.kind, r.local_time, r.day_of_week, r.week_days, r.every_days, r.anchor_date, r.zone,
                   r.next_fire_at
              from reminder r join learner l on l.id = r.learner_id
             where r.active and r.kind <> 'once' and r.next_fire_at <= ? and not l.reachable
             order by r.next_fire_at
             limit ?
               for update of r skip locked""";

    private int skipUnreachable(Connection c) throws SQLException {
        Instant now = clock.instant();
        int n = 0;
        try (PreparedStatement sel = c.prepareStatement(DUE_UNREACHABLE);
             PreparedStatement upd = c.prepareStatement("update reminder set next_fire_at = ? where id = ?")) {
            sel.setTimestamp(1, Timestamp.from(now));
            sel.setInt(2, batchSize);
            try (ResultSet rs = sel.executeQuery()) {
                while (rs.next()) {
                    upd.setTimestamp(1, Timestamp.from(rule(rs, null).nextAfter(now).orElseThrow()));
                    upd.setLong(2, rs.getLong("id"));
                    upd.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                upd.executeBatch();
            }
        }
        return n;
    }

    private record Due(long id, long learnerId, String body, ReminderRule rule, Instant fireAt, String platform,
                       String chatId, Lang lang, Instant pausedUntil, LocalTime quietStart, LocalTime quietEnd) {
    }

    private int sweepBatch(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DUE)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant fireAt = rs.getTimestamp("next_fire_at").toInstant();
                    Timestamp paused = rs.getTimestamp("paused_until");
                    due.add(new Due(rs.getLong("id"), rs.getLong("learner_id"), rs.getString("body"), rule(rs, fireAt),
                            fireAt, rs.getString("platform"), rs.getString("chat_id"),
                            Lang.parse(rs.getString("lang")).orElse(Lang.EN),
                            paused == null ? null : paused.toInstant(),
                            rs.getObject("quiet_start", LocalTime.class), rs.getObject("quiet_end", LocalTime.class)));
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        List<OutboxMessage> messages = new ArrayList<>();
        Map<Long, List<Due>> late = new LinkedHashMap<>();
        try (PreparedStatement advance = c.prepareStatement(
                "update reminder set next_fire_at = ?, active = ? where id = ?")) {
            for (Due d : due) {
                Instant next;
                boolean active;
                if (d.pausedUntil() != null && d.pausedUntil().isAfter(now)) {
                    // paused: a one-time reminder waits for the pause to end, a recurring one skips this time
                    next = d.rule().recurring() ? d.rule().nextAfter(now).orElseThrow() : d.pausedUntil();
                    active = true;
                } else {
                    if (Duration.between(d.fireAt(), now).compareTo(LATE) > 0) {
                        late.computeIfAbsent(d.learnerId(), k -> new ArrayList<>()).add(d);
                    } else {
                        Instant notBefore = WallClock.afterQuiet(now, d.rule().zone(), d.quietStart(), d.quietEnd());
                        messages.add(new OutboxMessage(d.learnerId(), d.platform(), d.chatId(), true, "reminder",
                                "reminder:" + d.id() + ":" + d.fireAt().getEpochSecond(),
                                MSG.get(d.lang(), "fire", d.body()), List.of(), notBefore));
                    }
                    Optional<Instant> following = d.rule().nextAfter(now.isAfter(d.fireAt()) ? now : d.fireAt());
                    next = following.orElse(null);
                    active = following.isPresent();
                }
                if (next == null) {
                    advance.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    advance.setTimestamp(1, Timestamp.from(next));
                }
                advance.setBoolean(2, active);
                advance.setLong(3, d.id());
                advance.addBatch();
            }
            advance.executeBatch();
        }
        for (Map.Entry<Long, List<Due>> e : late.entrySet()) {
            Due first = e.getValue().get(0);
            ZoneId zone = first.rule().zone();
            StringBuilder body = new StringBuilder(MSG.get(first.lang(), "offline.title"));
            for (Due d : e.getValue()) {
                body.append('\n').append(MSG.get(first.lang(), "offline.item", formatLocal(first.lang(), d.fireAt(), zone),
                        d.body()));
            }
            Instant notBefore = WallClock.afterQuiet(now, zone, first.quietStart(), first.quietEnd());
            messages.add(new OutboxMessage(e.getKey(), first.platform(), first.chatId(), true, "offline",
                    "offline:" + e.getKey() + ":" + first.id() + ":" + first.fireAt().getEpochSecond(),
                    body.toString(), List.of(), notBefore));
        }
        Outbox.enqueue(c, messages, now);
        if (!late.isEmpty()) {
            log.info("Folded {} late reminders of {} learners into 'while I was offline' messages",
                    late.values().stream().mapToInt(List::size).sum(), late.size());
        }
        return due.size();
    }

    private static ReminderRule rule(ResultSet rs, Instant once) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("zone"));
        LocalTime time = rs.getObject("local_time", LocalTime.class);
        return switch (rs.getString("kind")) {
            case "daily" -> ReminderRule.daily(time, zone);
            case "weekly" -> {
                short mask = rs.getShort("week_days");
                if (rs.wasNull()) {
                    yield ReminderRule.weekly(DayOfWeek.of(rs.getShort("day_of_week")), time, zone);
                }
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (DayOfWeek d : DayOfWeek.values()) {
                    if ((mask & (1 << (d.getValue() - 1))) != 0) {
                        days.add(d);
                    }
                }
                yield ReminderRule.weekly(days, time, zone);
            }
            case "every_n_days" -> ReminderRule.everyDays(rs.getInt("every_days"),
                    rs.getObject("anchor_date", LocalDate.class), time, zone);
            default -> ReminderRule.once(once == null ? Instant.EPOCH : once, zone);
        };
    }

    // ---------------------------------------------------------------- texts

    static String describe(Lang lang, ReminderRule rule) {
        return switch (rule.kind()) {
            case ONCE -> MSG.get(lang, "rule.once");
            case DAILY -> MSG.get(lang, "rule.daily", rule.time().toString());
            case WEEKLY -> rule.days().equals(ReminderRule.WEEKDAYS) ? MSG.get(lang, "rule.weekdays", rule.time().toString())
                    : rule.days().equals(ReminderRule.WEEKEND) ? MSG.get(lang, "rule.weekends", rule.time().toString())
                    : MSG.get(lang, "rule.weekly", dayList(lang, rule.days()), rule.time().toString());
            case EVERY_N_DAYS -> rule.everyDays() % 7 == 0
                    ? MSG.get(lang, rule.everyDays() == 14 ? "rule.everyOtherWeek" : "rule.everyWeeks",
                            rule.everyDays() / 7, dayName(lang, rule.anchor().getDayOfWeek()), rule.time().toString())
                    : MSG.get(lang, rule.everyDays() == 2 ? "rule.everyOtherDay" : "rule.everyDays", rule.everyDays(),
                            rule.time().toString());
        };
    }

    private static String dayName(Lang lang, DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, lang.locale());
    }

    /** "Monday", "Monday and Friday", "Monday, Wednesday and Friday"; 星期一、星期三和星期五. */
    private static String dayList(Lang lang, java.util.Set<DayOfWeek> days) {
        List<String> names = days.stream().map(d -> dayName(lang, d)).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return MSG.get(lang, "rule.dayList", String.join(MSG.get(lang, "rule.dayListSeparator"),
                names.subList(0, names.size() - 1)), names.get(names.size() - 1));
    }

    static String formatLocal(Lang lang, Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", lang.locale()).format(at.atZone(zone));
    }

    /** A zone as a learner reads it: "UTC" rather than java.time's "Z" for a learner who has not set one yet. */
    static String zoneName(java.time.ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}

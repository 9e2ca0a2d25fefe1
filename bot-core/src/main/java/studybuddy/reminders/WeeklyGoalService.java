package studybuddy.reminders;

import java.sql.Array;
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
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import studybuddy.command.ActionCodec;
import studybuddy.command.Button;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRoute;
import studybuddy.learner.Mark;
import studybuddy.learner.ProgressService;
import studybuddy.learner.UnitStatus;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.Route;
import studybuddy.roadmap.RouteStep;
import studybuddy.roadmap.Unit;
import studybuddy.storage.Database;

/**
 * Weekly goals: at each learner's check-in day and time (their zone) the week's goals are planned and sent;
 * /goals shows them, /done ticks them, a mid-week nudge comes when nothing is done yet (/nudges off|on).
 * Planning works on batches of learners (bulk reads, JDBC batch writes) so 100 000 due in one minute is fine.
 */
public final class WeeklyGoalService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WeeklyGoalService.class);
    /** The nudge comes this long after the plan. */
    public static final Duration NUDGE_AFTER = Duration.ofDays(3).plusHours(12);
    private static final int MAX_BUTTONS = 5;
    private static final Messages MSG = ReminderService.MSG;
    private static final String RULE_SQL = "(l.checkin_day::text || ' ' || l.checkin_time::text || ' ' || l.timezone)";

    private static final String DUE_PLANS = """
            select s.learner_id, s.next_plan_at, s.paused_until, s.nudges, s.quiet_start, s.quiet_end,
                   l.platform, l.chat_id, l.lang, l.background, l.path, l.weekly_hours, l.timezone,
                   l.checkin_day, l.checkin_time
              from learner_schedule s
              join learner l on l.id = s.learner_id
             where s.next_plan_at <= ? and l.reachable and l.onboarded_at is not null
             order by s.next_plan_at
             limit ?
               for update of s skip locked""";

    private static final String DUE_NUDGES = """
            select s.learner_id, s.paused_until, s.quiet_start, s.quiet_end, l.platform, l.chat_id, l.lang, l.timezone,
                   w.week_start, w.done, w.total
              from learner_schedule s
              join learner l on l.id = s.learner_id
              left join lateral (select g.week_start, count(*) filter (where g.done_at is not null) as done,
                                        count(*) as total
                                   from weekly_goal g where g.learner_id = s.learner_id
                                  group by g.week_start order by g.week_start desc limit 1) w on true
             where s.nudge_at <= ? and s.nudges and l.reachable
             limit ?
               for update of s skip locked""";

    private final Database db;
    private final Roadmap roadmap;
    private final Clock clock;
    private final int batchSize;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<PlanSection> planSections = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** More for a week's plan than the route's units (e.g. a project's next milestone), read in the plan's transaction. */
    @FunctionalInterface
    public interface PlanSection {
        /** The text to add to each learner's plan, by learner id; learners without one are absent. */
        Map<Long, String> lines(Connection c, Map<Long, Lang> learners) throws SQLException;
    }

    public void addPlanSection(PlanSection section) {
        planSections.add(section);
    }

    private Map<Long, String> planExtras(Connection c, Map<Long, Lang> learners) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        for (PlanSection section : planSections) {
            for (Map.Entry<Long, String> e : section.lines(c, learners).entrySet()) {
                out.merge(e.getKey(), e.getValue(), (a, b) -> a + "\n" + b);
            }
        }
        return out;
    }

    public WeeklyGoalService(Database db, Roadmap roadmap, Clock clock) {
        this(db, roadmap, clock, 2000);
    }

    public WeeklyGoalService(Database db, Roadmap roadmap, Clock clock, int batchSize) {
        this.db = db;
        this.roadmap = roadmap;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Schedules a new learner's first week for now, so their goals come with the next sweep instead of on their
     * next check-in day. Later weeks follow their weekly rule.
     */
    public void planFirstWeekNow(long learnerId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(FIRST_WEEK)) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setLong(2, learnerId);
                return ps.executeUpdate();
            }
        });
    }

    private static final String FIRST_WEEK = "insert into learner_schedule (learner_id, plan_rule, next_plan_at)"
            + " select l.id, " + RULE_SQL + ", ? from learner l where l.id = ? and l.onboarded_at is not null"
            // a row may already be there (/quiet, /pause or /nudges before onboarding, or a sweep in between):
            // it still plans now as long as no week was ever planned for them
            + " on conflict (learner_id) do update set plan_rule = excluded.plan_rule, next_plan_at = excluded.next_plan_at"
            + " where not exists (select 1 from weekly_goal g where g.learner_id = excluded.learner_id)";

    /** What one sweep did. */
    public record Swept(int scheduled, int planned, int nudged) {
    }

    public Swept sweep() {
        int scheduled = ensureSchedules();
        int planned = 0;
        int n;
        do {
            n = db.inTransaction(this::planBatch);
            planned += n;
        } while (n == batchSize);
        int nudged = 0;
        do {
            n = db.inTransaction(this::nudgeBatch);
            nudged += n;
        } while (n == batchSize);
        if (planned > 0) {
            log.info("Planned the week of {} learners and nudged {}", planned, nudged);
        }
        return new Swept(scheduled, planned, nudged);
    }

    /** Gives every onboarded learner a schedule row and recomputes it when their check-in day/time/zone changed. */
    int ensureSchedules() {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into learner_schedule (learner_id)
                    select id from learner l
                     where onboarded_at is not null
                       and not exists (select 1 from learner_schedule s where s.learner_id = l.id)
                    on conflict do nothing""")) {
                return ps.executeUpdate();
            }
        });
        int total = 0;
        int n;
        do {
            n = db.inTransaction(c -> {
                Instant now = clock.instant();
                int count = 0;
                try (PreparedStatement sel = c.prepareStatement("select s.learner_id, l.checkin_day, l.checkin_time, "
                        + "l.timezone, " + RULE_SQL + " as rule from learner_schedule s join learner l on l.id = s.learner_id"
                        + " where l.onboarded_at is not null and s.plan_rule is distinct from " + RULE_SQL
                        + " limit ? for update of s skip locked");
                     PreparedStatement upd = c.prepareStatement(
                             "update learner_schedule set plan_rule = ?, next_plan_at = ? where learner_id = ?")) {
                    sel.setInt(1, batchSize);
                    try (ResultSet rs = sel.executeQuery()) {
                        while (rs.next()) {
                            Instant next = WallClock.nextWeekly(DayOfWeek.of(rs.getShort(2)),
                                    rs.getObject(3, LocalTime.class), ZoneId.of(rs.getString(4)), now);
                            upd.setString(1, rs.getString(5));
                            upd.setTimestamp(2, Timestamp.from(next));
                            upd.setLong(3, rs.getLong(1));
                            upd.addBatch();
                            count++;
                        }
                    }
                    if (count > 0) {
                        upd.executeBatch();
                    }
                }
                return count;
            });
            total += n;
        } while (n == batchSize);
        return total;
    }

    private record DuePlan(long learnerId, Instant planAt, Instant pausedUntil, boolean nudges, LocalTime quietStart,
                           LocalTime quietEnd, String platform, String chatId, Lang lang, Background background,
                           LearningPath path, int weeklyHours, ZoneId zone, DayOfWeek day, LocalTime time) {
    }

    private int planBatch(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<DuePlan> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DUE_PLANS)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp paused = rs.getTimestamp("paused_until");
                    due.add(new DuePlan(rs.getLong("learner_id"), rs.getTimestamp("next_plan_at").toInstant(),
                            paused == null ? null : paused.toInstant(), rs.getBoolean("nudges"),
                            rs.getObject("quiet_start", LocalTime.class), rs.getObject("quiet_end", LocalTime.class),
                            rs.getString("platform"), rs.getString("chat_id"),
                            Lang.parse(rs.getString("lang")).orElse(Lang.EN),
                            Background.parse(rs.getString("background")).orElseThrow(),
                            LearningPath.parse(rs.getString("path")).orElseThrow(), rs.getInt("weekly_hours"),
                            ZoneId.of(rs.getString("timezone")), DayOfWeek.of(rs.getShort("checkin_day")),
                            rs.getObject("checkin_time", LocalTime.class)));
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Long[] ids = due.stream().map(DuePlan::learnerId).toArray(Long[]::new);
        Array idArray = c.createArrayOf("bigint", ids);
        Map<Long, Map<String, Mark.Status>> marks = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select learner_id, unit_id, status from unit_progress where learner_id = any(?)")) {
            ps.setArray(1, idArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    marks.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getString(3).equals("done") ? Mark.Status.DONE : Mark.Status.SKIPPED);
                }
            }
        }
        Map<Long, Map<LocalDate, List<WeeklyPlanner.Goal>>> past = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select learner_id, week_start, unit_id, hours, carried, done_at from weekly_goal
                 where learner_id = any(?) and week_start >= ? order by learner_id, week_start, position""")) {
            ps.setArray(1, idArray);
            ps.setObject(2, LocalDate.ofInstant(now, ZoneId.of("UTC")).minusDays(7L * (WeeklyPlanner.PACE_WEEKS + 2)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    past.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getObject(2, LocalDate.class), k -> new ArrayList<>())
                            .add(new WeeklyPlanner.Goal(rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                                    Optional.ofNullable(rs.getTimestamp(6)).map(Timestamp::toInstant)));
                }
            }
        }
        Map<Long, Lang> langs = new HashMap<>();
        due.forEach(d -> langs.put(d.learnerId(), d.lang()));
        Map<Long, String> extras = planExtras(c, langs);
        List<OutboxMessage> messages = new ArrayList<>();
        try (PreparedStatement goalsInsert = c.prepareStatement("""
                insert into weekly_goal (learner_id, week_start, position, unit_id, hours, carried)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""");
             PreparedStatement advance = c.prepareStatement(
                     "update learner_schedule set next_plan_at = ?, nudge_at = ? where learner_id = ?")) {
            for (DuePlan d : due) {
                Instant next = WallClock.nextWeekly(d.day(), d.time(), d.zone(), now);
                Instant nudgeAt = null;
                boolean paused = d.pausedUntil() != null && d.pausedUntil().isAfter(now);
                if (!paused) {
                    // a week starts on the learner's week start day, also when planned later in it (first week,
                    // a sweep after local midnight)
                    LocalDate weekStart = d.planAt().atZone(d.zone()).toLocalDate()
                            .with(java.time.temporal.TemporalAdjusters.previousOrSame(d.day()));
                    LearnerRoute route = route(d.background(), d.path(), marks.getOrDefault(d.learnerId(), Map.of()));
                    List<WeeklyPlanner.Week> weeks = new ArrayList<>();
                    past.getOrDefault(d.learnerId(), Map.of()).forEach((start, goals) -> {
                        if (start.isBefore(weekStart)) {
                            weeks.add(new WeeklyPlanner.Week(start, goals));
                        }
                    });
                    WeeklyPlanner.Plan plan = WeeklyPlanner.plan(route, d.weeklyHours(), weeks, now);
                    if (!plan.goals().isEmpty()) {
                        int pos = 0;
                        for (WeeklyPlanner.Goal g : plan.goals()) {
                            goalsInsert.setLong(1, d.learnerId());
                            goalsInsert.setObject(2, weekStart);
                            goalsInsert.setShort(3, (short) pos++);
                            goalsInsert.setString(4, g.unitId());
                            goalsInsert.setInt(5, g.hours());
                            goalsInsert.setBoolean(6, g.carried());
                            goalsInsert.addBatch();
                        }
                        Reply reply = planMessage(d.lang(), weekStart, plan, d.weeklyHours(), extras.get(d.learnerId()));
                        messages.add(new OutboxMessage(d.learnerId(), d.platform(), d.chatId(), true, "goals",
                                "goals:" + d.learnerId() + ":" + weekStart, reply.text(), reply.buttons(),
                                WallClock.afterQuiet(now, d.zone(), d.quietStart(), d.quietEnd())));
                        nudgeAt = d.nudges() ? now.plus(NUDGE_AFTER) : null;
                    }
                }
                advance.setTimestamp(1, Timestamp.from(next));
                if (nudgeAt == null) {
                    advance.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    advance.setTimestamp(2, Timestamp.from(nudgeAt));
                }
                advance.setLong(3, d.learnerId());
                advance.addBatch();
            }
            goalsInsert.executeBatch();
            advance.executeBatch();
        }
        Outbox.enqueue(c, messages, now);
        return due.size();
    }

    private int nudgeBatch(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<OutboxMessage> messages = new ArrayList<>();
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement(DUE_NUDGES);
             PreparedStatement clear = c.prepareStatement("update learner_schedule set nudge_at = null where learner_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    long learnerId = rs.getLong("learner_id");
                    clear.setLong(1, learnerId);
                    clear.addBatch();
                    Timestamp paused = rs.getTimestamp("paused_until");
                    LocalDate week = rs.getObject("week_start", LocalDate.class);
                    if (week == null || rs.getInt("done") > 0 || (paused != null && paused.toInstant().isAfter(now))) {
                        continue;
                    }
                    Lang lang = Lang.parse(rs.getString("lang")).orElse(Lang.EN);
                    ZoneId zone = ZoneId.of(rs.getString("timezone"));
                    messages.add(new OutboxMessage(learnerId, rs.getString("platform"), rs.getString("chat_id"), true,
                            "nudge", "nudge:" + learnerId + ":" + week,
                            MSG.get(lang, "nudge", rs.getInt("total")),
                            List.of(new Button(MSG.get(lang, "button.goals"), ActionCodec.encode("goals"), Button.Style.PRIMARY),
                                    new Button(MSG.get(lang, "button.nudgesOff"), ActionCodec.encode("nudges", "mode", "off"))),
                            WallClock.afterQuiet(now, zone, rs.getObject("quiet_start", LocalTime.class),
                                    rs.getObject("quiet_end", LocalTime.class))));
                }
            }
            if (count > 0) {
                clear.executeBatch();
            }
        }
        Outbox.enqueue(c, messages, now);
        return count;
    }

    private LearnerRoute route(Background background, LearningPath path, Map<String, Mark.Status> marks) {
        Route route = routes.computeIfAbsent(background.id() + "/" + path.id(), k -> roadmap.routeFor(background, path));
        return LearnerRoute.of(route, marks);
    }

    private static String weekDate(Lang lang, LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.FULL)
                .withLocale(lang.locale()));
    }

    private Reply planMessage(Lang lang, LocalDate weekStart, WeeklyPlanner.Plan plan, int weeklyHours, String extra) {
        StringBuilder text = new StringBuilder(MSG.get(lang, "goals.planned", weekDate(lang, weekStart), plan.hours(), weeklyHours));
        List<Button> buttons = new ArrayList<>();
        for (WeeklyPlanner.Goal g : plan.goals()) {
            Unit u = roadmap.unit(g.unitId()).orElseThrow();
            text.append('\n').append(MSG.get(lang, g.carried() ? "goals.itemCarried" : "goals.item", "▫️",
                    u.title().in(lang), g.hours(), u.id()));
            if (buttons.size() < MAX_BUTTONS) {
                String label = "✅ " + u.title().in(lang);
                buttons.add(new Button(label.length() > 40 ? label.substring(0, 39) + "…" : label,
                        ActionCodec.encode("done", "unit", u.id()), Button.Style.SUCCESS));
            }
        }
        if (plan.pace() == WeeklyPlanner.Pace.SLOWER) {
            text.append("\n\n").append(MSG.get(lang, "goals.slower"));
        } else if (plan.pace() == WeeklyPlanner.Pace.FASTER) {
            text.append("\n\n").append(MSG.get(lang, "goals.faster"));
        }
        if (extra != null) {
            text.append("\n\n").append(extra);
        }
        text.append("\n\n").append(MSG.get(lang, "goals.footer"));
        return Reply.text(text.toString()).withButtons(buttons);
    }

    // ---------------------------------------------------------------- commands and listener

    /** A goal of the current week as /goals shows it. */
    public record WeekGoal(LocalDate weekStart, String unitId, int hours, boolean carried, Optional<Instant> doneAt) {
    }

    public List<WeekGoal> currentWeek(long learnerId) {
        return db.inTransaction(c -> {
            List<WeekGoal> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select week_start, unit_id, hours, carried, done_at from weekly_goal
                     where learner_id = ? and week_start = (select max(week_start) from weekly_goal where learner_id = ?)
                     order by position""")) {
                ps.setLong(1, learnerId);
                ps.setLong(2, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new WeekGoal(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3),
                                rs.getBoolean(4), Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant)));
                    }
                }
            }
            return out;
        });
    }

    /** /goals. */
    public Reply goalsView(Learner learner) {
        Lang lang = learner.lang();
        if (!learner.onboarded()) {
            return ProgressService.notOnboarded(lang);
        }
        List<WeekGoal> goals = currentWeek(learner.id());
        var s = learner.settings().orElseThrow();
        if (goals.isEmpty()) {
            return Reply.text(MSG.get(lang, "goals.none", s.checkinDay().getDisplayName(TextStyle.FULL, lang.locale()),
                    s.checkinTime().toString(), s.zone().getId()));
        }
        long done = goals.stream().filter(g -> g.doneAt().isPresent()).count();
        int hours = goals.stream().mapToInt(WeekGoal::hours).sum();
        StringBuilder text = new StringBuilder(MSG.get(lang, "goals.title", weekDate(lang, goals.get(0).weekStart()), done,
                goals.size(), hours));
        List<Button> buttons = new ArrayList<>();
        for (WeekGoal g : goals) {
            Unit u = roadmap.unit(g.unitId()).orElse(null);
            String title = u == null ? g.unitId() : u.title().in(lang);
            text.append('\n').append(MSG.get(lang, g.carried() ? "goals.itemCarried" : "goals.item",
                    g.doneAt().isPresent() ? "✅" : "▫️", title, g.hours(), g.unitId()));
            if (g.doneAt().isEmpty() && buttons.size() < MAX_BUTTONS) {
                String label = "✅ " + title;
                buttons.add(new Button(label.length() > 40 ? label.substring(0, 39) + "…" : label,
                        ActionCodec.encode("done", "unit", g.unitId()), Button.Style.SUCCESS));
            }
        }
        String extra = db.inTransaction(c -> planExtras(c, Map.of(learner.id(), lang))).get(learner.id());
        if (extra != null) {
            text.append("\n\n").append(extra);
        }
        return Reply.text(text.toString()).withButtons(buttons);
    }

    /** Ticks the current week's goal when the learner marks its unit done. */
    public void unitMarked(Learner learner, Unit unit, Mark.Status status) {
        if (status != Mark.Status.DONE) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update weekly_goal set done_at = ?
                     where learner_id = ? and unit_id = ? and done_at is null
                       and week_start = (select max(week_start) from weekly_goal where learner_id = ?)""")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setLong(2, learner.id());
                ps.setString(3, unit.id());
                ps.setLong(4, learner.id());
                return ps.executeUpdate();
            }
        });
    }

    /** /nudges off|on. */
    public Reply nudges(Learner learner, String mode, ReminderService reminders) {
        Lang lang = learner.lang();
        String m = mode == null ? "" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        boolean on;
        if (m.equals("on") || m.equals("开") || m.equals("开启")) {
            on = true;
        } else if (m.equals("off") || m.equals("关") || m.equals("关闭")) {
            on = false;
        } else {
            return Reply.text(MSG.get(lang, "nudges.usage", reminders.schedule(learner.id()).nudges()
                    ? MSG.get(lang, "nudges.stateOn") : MSG.get(lang, "nudges.stateOff")));
        }
        reminders.updateSchedule(learner.id(), "nudges = ?", ps -> ps.setBoolean(1, on));
        return Reply.text(MSG.get(lang, on ? "nudges.on" : "nudges.off"));
    }
}

package studybuddy.groups;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.ActionCodec;
import studybuddy.command.Attachment;
import studybuddy.command.Button;
import studybuddy.command.Mention;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.platform.OutgoingMessage;
import studybuddy.reminders.WallClock;
import studybuddy.platform.OutboxWriter;
import studybuddy.storage.Database;

/**
 * The weekly check-in of study groups: opens each group's window at its time, nudges the silent members once at
 * 80 % of the window, and closes it with a summary. Each step is claimed with {@code FOR UPDATE SKIP LOCKED} and
 * moves the window's state in the same transaction that queues its messages in the outbox, so every step happens
 * exactly once, across restarts and with several instances.
 */
public final class CheckinService {
    private static final Logger log = LoggerFactory.getLogger(CheckinService.class);
    private static final Messages MSG = new Messages("groups");
    private static final int BATCH = 100;
    private static final double NUDGE_AT = 0.8;

    private static final String DUE_GROUPS = """
            select id, next_open_at from study_group
             where status = 'active' and next_open_at <= ?
             order by next_open_at
             limit ?
               for update skip locked""";
    private static final String INSERT_WINDOW = """
            insert into checkin_window (group_id, week_start, opens_at, nudge_at, closes_at, state)
            values (?, ?, ?, ?, ?, 'open')
            on conflict (group_id, week_start) do nothing
            returning id""";
    private static final String DUE_NUDGES = """
            select id from checkin_window
             where state = 'open' and nudge_at <= ? and closes_at > ?
             order by nudge_at
             limit ?
               for update skip locked""";
    private static final String DUE_CLOSES = """
            select id from checkin_window
             where state in ('open', 'nudged') and closes_at <= ?
             order by closes_at
             limit ?
               for update skip locked""";
    private static final String WINDOW_BY_ID = """
            select id, group_id, week_start, opens_at, nudge_at, closes_at, state from checkin_window where id = ?""";
    private static final String ANSWERED_WEEKS = """
            select a.learner_id, w.week_start
              from checkin_answer a join checkin_window w on w.id = a.window_id
             where w.group_id = ? and w.week_start <= ?
             order by w.week_start desc""";

    private final Database db;
    private final GroupRepository groups;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final List<SummarySection> summarySections = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A part of the weekly summary from another capability (links to members' work, project progress). */
    @FunctionalInterface
    public interface SummarySection {
        /** The part for these members and this week [from, to), in the group's language; empty for nothing. */
        Optional<String> section(Connection c, Lang lang, List<Member> members, Instant from, Instant to)
                throws SQLException;
    }

    public void addSummarySection(SummarySection section) {
        summarySections.add(section);
    }

    public CheckinService(Database db, GroupRepository groups, OutboxWriter outbox, Clock clock) {
        this.db = db;
        this.groups = groups;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What one sweep did, for logs and tests. */
    public record SweepResult(int opened, int nudged, int closed) {
        public int total() {
            return opened + nudged + closed;
        }
    }

    /** Opens, nudges and closes whatever is due now. Safe to run on several instances at once. */
    public SweepResult sweep() {
        int opened = 0;
        int nudged = 0;
        int closed = 0;
        int n;
        do {
            n = db.inTransaction(this::openDue);
            opened += n;
        } while (n == BATCH);
        do {
            n = db.inTransaction(this::nudgeDue);
            nudged += n;
        } while (n == BATCH);
        do {
            n = db.inTransaction(this::closeDue);
            closed += n;
        } while (n == BATCH);
        if (opened + nudged + closed > 0) {
            log.info("Check-in sweep: {} windows opened, {} nudged, {} closed with a summary", opened, nudged, closed);
        }
        return new SweepResult(opened, nudged, closed);
    }

    private int openDue(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<Long> due = claim(c, DUE_GROUPS, now);
        for (long groupId : due) {
            StudyGroup group = PostgresGroupRepository.findGroup(c, groupId).orElseThrow();
            GroupSettings s = group.settings();
            Instant opensAt = group.nextOpenAt().orElseThrow();
            Duration window = Duration.ofHours(s.windowHours());
            Instant closesAt = opensAt.plus(window);
            if (closesAt.isAfter(now)) {
                Instant nudgeAt = opensAt.plus(Duration.ofSeconds((long) (window.toSeconds() * NUDGE_AT)));
                try (PreparedStatement ps = c.prepareStatement(INSERT_WINDOW)) {
                    ps.setLong(1, groupId);
                    ps.setObject(2, opensAt.atZone(s.zone()).toLocalDate());
                    ps.setTimestamp(3, Timestamp.from(opensAt));
                    ps.setTimestamp(4, Timestamp.from(nudgeAt));
                    ps.setTimestamp(5, Timestamp.from(closesAt));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            outbox.enqueue(c, new OutgoingMessage(group.platform(), group.chatId(), false,
                                    prompt(s.lang(), closesAt, s)), null, "checkin-open:" + rs.getLong(1));
                        }
                    }
                }
            } else {
                log.warn("Check-in of group {} due at {} was missed entirely (the bot was down); skipping to next week",
                        groupId, opensAt);
            }
            Instant next = WallClock.nextWeekly(s.day(), s.time(), s.zone(), opensAt);
            while (!next.plus(window).isAfter(now)) {
                next = WallClock.nextWeekly(s.day(), s.time(), s.zone(), next);
            }
            try (PreparedStatement ps = c.prepareStatement("update study_group set next_open_at = ? where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(next));
                ps.setLong(2, groupId);
                ps.executeUpdate();
            }
        }
        return due.size();
    }

    private static Reply prompt(Lang lang, Instant closesAt, GroupSettings s) {
        String until = studybuddy.i18n.TimeFormats.dateTime(lang, closesAt.atZone(s.zone()));
        return Reply.text(MSG.get(lang, "prompt", until, s.zone().getId()))
                .withButtons(List.of(new Button(MSG.get(lang, "button.checkin"), ActionCodec.encode("checkin"),
                        Button.Style.PRIMARY)));
    }

    private int nudgeDue(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<Long> due = claim(c, DUE_NUDGES, now);
        for (long windowId : due) {
            CheckinWindow window = window(c, windowId);
            StudyGroup group = PostgresGroupRepository.findGroup(c, window.groupId()).orElseThrow();
            Map<Long, CheckinAnswer> answers = PostgresGroupRepository.answers(c, windowId);
            List<Member> inGroup = new ArrayList<>();
            for (Member m : PostgresGroupRepository.members(c, group.id())) {
                if (answers.containsKey(m.learnerId()) || m.awayAt(now)) {
                    continue;
                }
                if (m.reachable() && m.canBeMessagedPrivately()) {
                    outbox.enqueue(c, new OutgoingMessage(group.platform(), m.userId(), true,
                            Reply.text(MSG.get(m.lang(), "nudge.direct", group.title().isBlank()
                                    ? MSG.get(m.lang(), "group.unnamed") : group.title()))
                                    .withButtons(List.of(new Button(MSG.get(m.lang(), "button.checkin"),
                                            ActionCodec.encode("checkin"), Button.Style.PRIMARY)))), m.learnerId(),
                            "checkin-nudge:" + windowId + ":" + m.learnerId());
                } else {
                    inGroup.add(m);
                }
            }
            if (!inGroup.isEmpty()) {
                String names = String.join(" ", inGroup.stream().map(m -> Mention.of(m.userId(), m.displayName())).toList());
                outbox.enqueue(c, new OutgoingMessage(group.platform(), group.chatId(), false,
                        Reply.text(MSG.get(group.settings().lang(), "nudge.group", names))), null,
                        "checkin-nudge-group:" + windowId);
            }
            try (PreparedStatement ps = c.prepareStatement("update checkin_window set state = 'nudged' where id = ?")) {
                ps.setLong(1, windowId);
                ps.executeUpdate();
            }
        }
        return due.size();
    }

    private int closeDue(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<Long> due = claim(c, DUE_CLOSES, now);
        for (long windowId : due) {
            CheckinWindow window = window(c, windowId);
            StudyGroup group = PostgresGroupRepository.findGroup(c, window.groupId()).orElseThrow();
            Reply summary = summary(c, group, window);
            outbox.enqueue(c, new OutgoingMessage(group.platform(), group.chatId(), false, summary), null,
                    "checkin-summary:" + windowId);
            try (PreparedStatement ps = c.prepareStatement(
                    "update checkin_window set state = 'closed', summary_posted_at = ? where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, windowId);
                ps.executeUpdate();
            }
        }
        return due.size();
    }

    /**
     * Locks up to a batch of due rows for this transaction; other instances skip them. Every parameter of the
     * query but the last is "now", the last is the batch size.
     */
    private static List<Long> claim(Connection c, String sql, Instant now) throws SQLException {
        long params = sql.chars().filter(ch -> ch == '?').count();
        List<Long> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i < params; i++) {
                ps.setTimestamp(i, Timestamp.from(now));
            }
            ps.setInt((int) params, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getLong(1));
                }
            }
        }
        return due;
    }

    private static CheckinWindow window(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(WINDOW_BY_ID)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return PostgresGroupRepository.readWindow(rs);
            }
        }
    }

    /** The closing summary: who checked in, each member against their own past, blockers, away, missing, notes. */
    Reply summary(Connection c, StudyGroup group, CheckinWindow window) throws SQLException {
        Lang lang = group.settings().lang();
        Instant weekEnd = window.closesAt();
        Instant weekStart = weekEnd.minus(Duration.ofDays(7));
        List<Member> members = PostgresGroupRepository.members(c, group.id());
        List<Long> ids = members.stream().map(Member::learnerId).toList();
        Map<Long, CheckinAnswer> answers = PostgresGroupRepository.answers(c, window.id());
        Map<Long, Integer> thisWeek = PostgresGroupRepository.unitsDone(c, ids, weekStart, weekEnd);
        List<Map<Long, Integer>> previous = new ArrayList<>();
        for (int w = 1; w <= 4; w++) {
            Duration back = Duration.ofDays(7L * w);
            previous.add(PostgresGroupRepository.unitsDone(c, ids, weekStart.minus(back), weekEnd.minus(back)));
        }
        Map<Long, Integer> streaks = streaks(c, group.id(), window.weekStart());
        Map<Long, List<String>> notes = PostgresGroupRepository.notes(c, ids, weekStart, weekEnd);

        StringBuilder text = new StringBuilder(MSG.get(lang, "summary.title",
                window.weekStart().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang.locale())),
                GroupCommands.checkedInMembers(answers.keySet(), members), members.size()));
        List<String> blockers = new ArrayList<>();
        List<String> away = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        text.append("\n\n").append(MSG.get(lang, "summary.checkedIn"));
        boolean any = false;
        for (Member m : members) {
            CheckinAnswer a = answers.get(m.learnerId());
            if (a == null) {
                if (m.awayAt(window.closesAt()) || m.awayAt(window.opensAt())) {
                    away.add(m.displayName());
                } else {
                    missing.add(m.displayName());
                }
                continue;
            }
            any = true;
            int done = thisWeek.getOrDefault(m.learnerId(), 0);
            double before = previous.stream().mapToInt(p -> p.getOrDefault(m.learnerId(), 0)).average().orElse(0);
            String arrow = done > before + 0.01 ? "↑" : done < before - 0.01 ? "↓" : "→";
            text.append("\n• **").append(m.displayName()).append("**");
            if (a.late()) {
                text.append(' ').append(MSG.get(lang, "summary.late"));
            }
            if (a.editedAt().isPresent()) {
                text.append(' ').append(MSG.get(lang, "summary.edited"));
            }
            text.append("\n  ").append(MSG.get(lang, "summary.done", CheckinText.shorten(a.done(), 80)))
                    .append("\n  ").append(MSG.get(lang, "summary.next", CheckinText.shorten(a.next(), 80)))
                    .append("\n  ").append(MSG.get(lang, "summary.progress", done, arrow,
                            String.format(lang.locale(), "%.1f", before), streaks.getOrDefault(m.learnerId(), 1)));
            if (!isNone(a.blockers())) {
                blockers.add(m.displayName() + ": " + CheckinText.shorten(a.blockers(), 120));
            }
        }
        if (!any) {
            text.append("\n").append(MSG.get(lang, "summary.nobody"));
        }
        if (!blockers.isEmpty()) {
            text.append("\n\n").append(MSG.get(lang, "summary.blockers"));
            blockers.forEach(b -> text.append("\n• ").append(b));
        }
        List<String> noteLines = new ArrayList<>();
        for (Member m : members) {
            for (String n : notes.getOrDefault(m.learnerId(), List.of())) {
                noteLines.add(m.displayName() + ": " + CheckinText.shorten(n, 160));
            }
        }
        if (!noteLines.isEmpty()) {
            text.append("\n\n").append(MSG.get(lang, "summary.notes"));
            noteLines.forEach(n -> text.append("\n📝 ").append(n));
        }
        for (SummarySection section : summarySections) {
            section.section(c, lang, members, weekStart, weekEnd).ifPresent(part -> text.append("\n\n").append(part));
        }
        if (!away.isEmpty()) {
            text.append("\n\n").append(MSG.get(lang, "summary.away", String.join(", ", away)));
        }
        if (!missing.isEmpty()) {
            text.append("\n\n").append(MSG.get(lang, "summary.missing", String.join(", ", missing)));
        }
        text.append("\n\n").append(MSG.get(lang, "summary.outro"));
        byte[] png = CheckinChart.render(chartWeeks(c, group, window), lang);
        return Reply.text(text.toString()).withAttachment(new Attachment("checkins.png", "image/png", png));
    }

    private static boolean isNone(String blockers) {
        String b = blockers.strip().toLowerCase(java.util.Locale.ROOT);
        return b.isEmpty() || b.equals("none") || b.equals("no") || b.equals("nothing") || b.equals("-")
                || b.equals("n/a") || b.equals("无") || b.equals("没有") || b.equals("暂无");
    }

    /** Consecutive weeks up to this one in which each member checked in. */
    private static Map<Long, Integer> streaks(Connection c, long groupId, LocalDate week) throws SQLException {
        Map<Long, List<LocalDate>> weeks = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ANSWERED_WEEKS)) {
            ps.setLong(1, groupId);
            ps.setObject(2, week);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    weeks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class));
                }
            }
        }
        List<LocalDate> windowWeeks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select week_start from checkin_window where group_id = ? and week_start <= ? order by week_start desc")) {
            ps.setLong(1, groupId);
            ps.setObject(2, week);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    windowWeeks.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        Map<Long, Integer> streaks = new HashMap<>();
        weeks.forEach((learner, answered) -> {
            int streak = 0;
            for (LocalDate w : windowWeeks) {
                if (!answered.contains(w)) {
                    break;
                }
                streak++;
            }
            streaks.put(learner, streak);
        });
        return streaks;
    }

    private static List<CheckinChart.Week> chartWeeks(Connection c, StudyGroup group, CheckinWindow current)
            throws SQLException {
        List<CheckinWindow> windows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, group_id, week_start, opens_at, nudge_at, closes_at, state from checkin_window
                 where group_id = ? and week_start <= ? order by week_start desc limit 8""")) {
            ps.setLong(1, group.id());
            ps.setObject(2, current.weekStart());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    windows.add(PostgresGroupRepository.readWindow(rs));
                }
            }
        }
        windows.sort(Comparator.comparing(CheckinWindow::weekStart));
        List<Long> ids = PostgresGroupRepository.members(c, group.id()).stream().map(Member::learnerId).toList();
        List<CheckinChart.Week> weeks = new ArrayList<>();
        for (CheckinWindow w : windows) {
            int checkIns = PostgresGroupRepository.answers(c, w.id()).size();
            int goals = PostgresGroupRepository.unitsDone(c, ids, w.closesAt().minus(Duration.ofDays(7)), w.closesAt())
                    .values().stream().mapToInt(Integer::intValue).sum();
            weeks.add(new CheckinChart.Week(w.weekStart(), checkIns, goals));
        }
        return weeks;
    }

    /** The window a member's answer now goes to: the group's newest, open or closed before the next opening. */
    public Optional<CheckinWindow> answerableWindow(StudyGroup group) {
        return groups.latestWindow(group.id());
    }
}

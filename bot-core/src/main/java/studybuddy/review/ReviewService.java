package studybuddy.review;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Button;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.DoneStatement;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerSettings;
import studybuddy.learner.Mark;
import studybuddy.platform.Poll;
import studybuddy.reminders.Outbox;
import studybuddy.reminders.OutboxMessage;
import studybuddy.reminders.WallClock;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.Unit;
import studybuddy.storage.Database;

/**
 * Spaced review of finished units: a unit marked done gets a review item (first due 2 days later, then spaced by
 * {@link ReviewRule}); the sweep claims learners whose review time has come ({@code FOR UPDATE SKIP LOCKED}, like
 * reminders), and in the same transaction writes one outbox message per due item (a quiz poll where the platform
 * has one, buttons elsewhere) and moves the learner's next run on. Delivery is at the learner's review time (their
 * check-in time unless they picked one) in their zone; quiet hours delay it, a pause skips to the pause's end.
 */
public final class ReviewService {
    /** Most questions sent in one delivery (the rest wait for the next day). */
    public static final int MAX_PER_RUN = 5;
    /** A question left unanswered is asked again (a fresh round) after this many days. */
    static final int RETRY_UNANSWERED_DAYS = 2;
    /** Answers /progress counts for retention. */
    public static final int RETENTION_WINDOW = 20;
    static final LocalTime DEFAULT_TIME = LocalTime.of(18, 0);
    static final Messages MSG = new Messages("review");
    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    static final String CLAIM = """
            select s.learner_id, s.review_time, l.checkin_time, l.timezone, l.platform, l.chat_id, l.lang, l.reachable,
                   ls.paused_until, ls.quiet_start, ls.quiet_end
              from review_schedule s
              join learner l on l.id = s.learner_id
              left join learner_schedule ls on ls.learner_id = s.learner_id
             where s.enabled and s.next_run_at <= ?
             order by s.next_run_at
             limit ?
               for update of s skip locked""";

    private static final String ITEMS_DUE = """
            select id, learner_id, unit_id, rounds, due_on
              from review_item
             where learner_id = any(?) and due_on <= ?
             order by learner_id, due_on, id""";

    private static final String ASKED = """
            update review_item set rounds = ?, pending_question = ?, pending_correct = ?, pending_round = ?, due_on = ?
             where id = ?""";

    // The earliest due date through the (learner_id, due_on) index: one index probe per learner, where a join and
    // group by over all the learner's items cost ~0.5 ms in every /done.
    static final String NEXT_DUE = """
            select s.learner_id, s.enabled, s.review_time, s.next_run_at, l.checkin_time, l.timezone,
                   (select min(i.due_on) from review_item i where i.learner_id = s.learner_id) as due_on
              from review_schedule s
              join learner l on l.id = s.learner_id
             where s.learner_id = any(?)""";

    /** A finished unit's first review, and the learner's schedule row if it is their first: one statement. */
    private static final String FIRST_ITEM = """
            with schedule as (insert into review_schedule (learner_id) values (?) on conflict do nothing)
            insert into review_item (learner_id, unit_id, due_on, interval_days, streak, ease, created_at)
            values (?, ?, ?, ?, 0, ?, ?)
            on conflict (learner_id, unit_id) do nothing""";

    private final Database db;
    private final Roadmap roadmap;
    private final QuestionBank bank;
    private final Clock clock;
    private final int batchSize;
    private volatile Runnable kick = () -> { };

    public ReviewService(Database db, Roadmap roadmap, QuestionBank bank, Clock clock) {
        this(db, roadmap, bank, clock, 1000);
    }

    public ReviewService(Database db, Roadmap roadmap, QuestionBank bank, Clock clock, int batchSize) {
        this.db = db;
        this.roadmap = roadmap;
        this.bank = bank;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Run after /review queued questions, so they go out now rather than at the next sweep. */
    public void onQueued(Runnable kick) {
        this.kick = kick;
    }

    public QuestionBank bank() {
        return bank;
    }

    // ---------------------------------------------------------------- scheduling

    /**
     * A unit marked done enters review (first due in two days; marking it done again changes nothing); a unit
     * marked skipped leaves review.
     */
    public void unitMarked(Learner learner, Unit unit, Mark.Status status) {
        if (status == Mark.Status.SKIPPED) {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "delete from review_item where learner_id = ? and unit_id = ?")) {
                    ps.setLong(1, learner.id());
                    ps.setString(2, unit.id());
                    if (ps.executeUpdate() > 0) {
                        reschedule(c, List.of(learner.id()));
                    }
                }
                return null;
            });
            return;
        }
        if (bank.forUnit(unit.id()).isEmpty()) {
            return;
        }
        ZoneId zone = zoneOf(learner);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        ReviewRule.State first = ReviewRule.first();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(FIRST_ITEM)) {
                ps.setLong(1, learner.id());
                ps.setLong(2, learner.id());
                ps.setString(3, unit.id());
                ps.setObject(4, today.plusDays(first.intervalDays()));
                ps.setInt(5, first.intervalDays());
                ps.setDouble(6, first.ease());
                ps.setTimestamp(7, Timestamp.from(clock.instant()));
                ps.executeUpdate();
            }
            reschedule(c, List.of(learner.id()));
            return null;
        });
    }

    /**
     * A unit's first review as /done writes it in one statement with the mark ({@link DoneStatement}): the same item
     * and next run {@link #unitMarked} writes, decided from the schedule as it was before the mark. Empty when the
     * unit has no questions.
     */
    public Optional<DoneStatement.FirstReview> firstReview(Learner learner, Unit unit, DoneStatement.ReviewState before,
                                                           Instant now) {
        if (bank.forUnit(unit.id()).isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = zoneOf(learner);
        ReviewRule.State first = ReviewRule.first();
        LocalDate due = LocalDate.ofInstant(now, zone).plusDays(first.intervalDays());
        LocalTime time = before.reviewTime() != null ? before.reviewTime()
                : learner.settings().map(LearnerSettings::checkinTime).orElse(DEFAULT_TIME);
        LocalDate kept = before.earliestDue();
        LocalDate added = kept == null || due.isBefore(kept) ? due : kept;
        return Optional.of(new DoneStatement.FirstReview(due, first.intervalDays(), first.ease(),
                before.enabled() ? nextRun(added, time, zone, now) : null,
                before.enabled() && kept != null ? nextRun(kept, time, zone, now) : null));
    }

    /** Recomputes a learner's next review run (their zone or check-in time changed). */
    public void reschedule(long learnerId) {
        db.inTransaction(c -> {
            reschedule(c, List.of(learnerId));
            return null;
        });
    }

    private static void ensureSchedule(Connection c, long learnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into review_schedule (learner_id) values (?) on conflict do nothing")) {
            ps.setLong(1, learnerId);
            ps.executeUpdate();
        }
    }

    /**
     * Sets next_run_at of these learners: their review time on the day their earliest item is due. Only rows whose
     * time changes are written (after most /done the earliest item is still the same one).
     */
    private void reschedule(Connection c, List<Long> learnerIds) throws SQLException {
        if (learnerIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try (PreparedStatement sel = c.prepareStatement(NEXT_DUE);
             PreparedStatement upd = c.prepareStatement("update review_schedule set next_run_at = ? where learner_id = ?")) {
            sel.setArray(1, c.createArrayOf("bigint", learnerIds.toArray()));
            int changed = 0;
            try (ResultSet rs = sel.executeQuery()) {
                while (rs.next()) {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    Instant next = null;
                    if (rs.getBoolean("enabled") && due != null) {
                        next = nextRun(due, time(rs), zone(rs.getString("timezone")), now);
                    }
                    Timestamp was = rs.getTimestamp("next_run_at");
                    if (java.util.Objects.equals(next, was == null ? null : was.toInstant())) {
                        continue;
                    }
                    if (next == null) {
                        upd.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        upd.setTimestamp(1, Timestamp.from(next));
                    }
                    upd.setLong(2, rs.getLong("learner_id"));
                    upd.addBatch();
                    changed++;
                }
            }
            if (changed > 0) {
                upd.executeBatch();
            }
        }
    }

    /** The review time on {@code due} in the zone, or the next one after now when that has passed (DST-safe). */
    static Instant nextRun(LocalDate due, LocalTime time, ZoneId zone, Instant now) {
        Instant at = WallClock.resolve(due, time, zone).toInstant();
        return at.isAfter(now) ? at : WallClock.nextDaily(time, zone, now);
    }

    // ---------------------------------------------------------------- sweep

    /** Sends every learner's due review questions to the outbox; returns how many questions it queued. */
    public int sweep() {
        int total = 0;
        while (true) {
            int[] n = db.inTransaction(this::sweepBatch);
            total += n[1];
            if (n[0] < batchSize) {
                return total;
            }
        }
    }

    /** One claimed learner. */
    private record Due(long learnerId, LocalTime time, ZoneId zone, String platform, String chatId, Lang lang,
                       boolean reachable, Instant pausedUntil, LocalTime quietStart, LocalTime quietEnd) {
    }

    /** One review item about to be asked. */
    private record Item(long id, long learnerId, String unitId, int rounds, LocalDate dueOn) {
    }

    /** Claims a batch; returns {learners claimed, questions queued}. */
    private int[] sweepBatch(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<Due> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp paused = rs.getTimestamp("paused_until");
                    claimed.add(new Due(rs.getLong("learner_id"), time(rs), zone(rs.getString("timezone")),
                            rs.getString("platform"), rs.getString("chat_id"),
                            Lang.parse(rs.getString("lang")).orElse(Lang.EN), rs.getBoolean("reachable"),
                            paused == null ? null : paused.toInstant(),
                            rs.getObject("quiet_start", LocalTime.class), rs.getObject("quiet_end", LocalTime.class)));
                }
            }
        }
        if (claimed.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<Long, Instant> skipped = new HashMap<>();
        Map<Long, Due> asking = new LinkedHashMap<>();
        for (Due d : claimed) {
            if (!d.reachable()) {
                // the platform said they cannot be reached: look again tomorrow rather than at every sweep
                skipped.put(d.learnerId(), WallClock.nextDaily(d.time(), d.zone(), now));
            } else if (d.pausedUntil() != null && d.pausedUntil().isAfter(now)) {
                skipped.put(d.learnerId(), WallClock.nextDaily(d.time(), d.zone(), d.pausedUntil()));
            } else {
                asking.put(d.learnerId(), d);
            }
        }
        List<OutboxMessage> messages = new ArrayList<>();
        if (!asking.isEmpty()) {
            // local "today" differs by zone: read up to the latest date anywhere, filter per learner below
            Map<Long, List<Item>> due = items(c, List.copyOf(asking.keySet()),
                    LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1), false);
            try (PreparedStatement asked = c.prepareStatement(ASKED)) {
                for (Due d : asking.values()) {
                    LocalDate today = LocalDate.ofInstant(now, d.zone());
                    Instant notBefore = WallClock.afterQuiet(now, d.zone(), d.quietStart(), d.quietEnd());
                    List<Item> mine = due.getOrDefault(d.learnerId(), List.of());
                    int n = 0;
                    for (Item item : mine) {
                        if (n == MAX_PER_RUN) {
                            break;
                        }
                        if (item.dueOn().isAfter(today)) {
                            continue; // due tomorrow where this learner lives
                        }
                        Optional<OutboxMessage> m = ask(asked, item, today, d.platform(), d.chatId(), d.lang(), notBefore);
                        m.ifPresent(messages::add);
                        n++;
                    }
                }
                asked.executeBatch();
            }
        }
        if (!skipped.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "update review_schedule set next_run_at = ? where learner_id = ?")) {
                for (Map.Entry<Long, Instant> e : skipped.entrySet()) {
                    ps.setTimestamp(1, Timestamp.from(e.getValue()));
                    ps.setLong(2, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        Outbox.enqueue(c, messages, now);
        reschedule(c, List.copyOf(asking.keySet()));
        return new int[] {claimed.size(), messages.size()};
    }

    /** Review items of these learners due on or before {@code upTo} (with pending ones too when asked). */
    private static Map<Long, List<Item>> items(Connection c, List<Long> learnerIds, LocalDate upTo,
                                               boolean includePending) throws SQLException {
        Map<Long, List<Item>> out = new HashMap<>();
        String sql = includePending ? ITEMS_DUE.replace("and due_on <= ?", "and (due_on <= ? or pending_round is not null)")
                : ITEMS_DUE;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array ids = c.createArrayOf("bigint", learnerIds.toArray());
            ps.setArray(1, ids);
            ps.setObject(2, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong("learner_id"), k -> new ArrayList<>()).add(new Item(rs.getLong("id"),
                            rs.getLong("learner_id"), rs.getString("unit_id"), rs.getInt("rounds"),
                            rs.getObject("due_on", LocalDate.class)));
                }
            }
        }
        return out;
    }

    /**
     * Picks the item's next question (a unit's questions take turns), shuffles its options for this round, records
     * it as pending (batched into {@code asked}) and builds the message.
     */
    private Optional<OutboxMessage> ask(PreparedStatement asked, Item item, LocalDate today, String platform,
                                        String chatId, Lang lang, Instant notBefore) throws SQLException {
        List<ReviewQuestion> questions = bank.forUnit(item.unitId());
        Optional<Unit> unit = roadmap.unit(item.unitId());
        if (questions.isEmpty() || unit.isEmpty()) {
            log.warn("Review item {} is about unit {}, which has no questions any more: skipped", item.id(), item.unitId());
            return Optional.empty();
        }
        int round = item.rounds() + 1;
        ReviewQuestion q = questions.get(item.rounds() % questions.size());
        List<Integer> order = order(item.id(), round, q.optionsEn().size());
        int correct = order.indexOf(q.answer());
        asked.setInt(1, round);
        asked.setString(2, q.id());
        asked.setShort(3, (short) correct);
        asked.setInt(4, round);
        asked.setObject(5, today.plusDays(RETRY_UNANSWERED_DAYS));
        asked.setLong(6, item.id());
        asked.addBatch();
        List<String> options = order.stream().map(i -> q.options(lang).get(i)).toList();
        String title = unit.get().title().in(lang);
        String action = "/review answer " + item.id() + " " + round;
        List<Button> buttons = new ArrayList<>();
        StringBuilder body = new StringBuilder(MSG.get(lang, "question.heading", title)).append('\n')
                .append(q.question().in(lang));
        for (int i = 0; i < options.size(); i++) {
            buttons.add(new Button(options.get(i), action + " " + i));
        }
        String pollQuestion = MSG.get(lang, "poll.heading", title) + "\n" + q.question().in(lang);
        if (pollQuestion.length() > Poll.MAX_QUESTION) {
            pollQuestion = q.question().in(lang);
        }
        Poll poll = new Poll(pollQuestion, options, correct, q.explanation().in(lang), action + " poll");
        return Optional.of(new OutboxMessage(item.learnerId(), platform, chatId, true, "review",
                "review:" + item.id() + ":" + round, body.toString(), buttons, notBefore, null, poll));
    }

    /** The options' order for one round: shuffled so that the right answer's position teaches nothing. */
    static List<Integer> order(long itemId, int round, int size) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(itemId * 1_000_003L + round));
        return order;
    }

    // ---------------------------------------------------------------- commands

    private static final Pattern ANSWER = Pattern.compile("^answer\\s+(\\d{1,18})\\s+(\\d{1,9})\\s+(poll\\s+)?(\\d{1,2})$");
    private static final Pattern TIME = Pattern.compile("^(?:time|时间)?\\s*(\\d{1,2})[:：](\\d{2})$");

    /** /review [on|off|time HH:MM|answer ID ROUND CHOICE]; without arguments, sends the due questions now. */
    public Reply review(Learner learner, String args) {
        Lang lang = learner.lang();
        String s = args == null ? "" : args.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher answer = ANSWER.matcher(s);
        if (answer.matches()) {
            try {
                return answer(learner, Long.parseLong(answer.group(1)), Integer.parseInt(answer.group(2)),
                        Integer.parseInt(answer.group(4)), answer.group(3) != null);
            } catch (NumberFormatException e) {
                return Reply.text(MSG.get(lang, "answer.unknown"));
            }
        }
        if (!learner.onboarded()) {
            return studybuddy.learner.ProgressService.notOnboarded(lang);
        }
        return switch (s) {
            case "" , "now", "现在" -> now(learner);
            case "on", "开", "开启", "打开" -> enable(learner, true);
            case "off", "关", "关闭" -> enable(learner, false);
            case "time", "时间" -> Reply.text(MSG.get(lang, "time.current", formatTime(timeOf(learner)),
                    zoneOf(learner).getId()));
            case "time default", "time checkin", "时间 默认" -> setTime(learner, null);
            default -> {
                Matcher t = TIME.matcher(s);
                if (t.matches()) {
                    int h = Integer.parseInt(t.group(1));
                    int m = Integer.parseInt(t.group(2));
                    if (h > 23 || m > 59) {
                        yield Reply.text(MSG.get(lang, "time.invalid"));
                    }
                    yield setTime(learner, LocalTime.of(h, m));
                }
                String shown = s.length() > 30 ? s.substring(0, 30) + "…" : s;
                yield Reply.text(MSG.get(lang, "usage", shown));
            }
        };
    }

    private Reply enable(Learner learner, boolean on) {
        db.inTransaction(c -> {
            ensureSchedule(c, learner.id());
            try (PreparedStatement ps = c.prepareStatement(
                    "update review_schedule set enabled = ? where learner_id = ?")) {
                ps.setBoolean(1, on);
                ps.setLong(2, learner.id());
                ps.executeUpdate();
            }
            reschedule(c, List.of(learner.id()));
            return null;
        });
        if (!on) {
            return Reply.text(MSG.get(learner.lang(), "off"));
        }
        return Reply.text(MSG.get(learner.lang(), "on", formatTime(timeOf(learner)), zoneOf(learner).getId())
                + nextLine(learner));
    }

    private Reply setTime(Learner learner, LocalTime time) {
        db.inTransaction(c -> {
            ensureSchedule(c, learner.id());
            try (PreparedStatement ps = c.prepareStatement(
                    "update review_schedule set review_time = ? where learner_id = ?")) {
                if (time == null) {
                    ps.setNull(1, Types.TIME);
                } else {
                    ps.setObject(1, time);
                }
                ps.setLong(2, learner.id());
                ps.executeUpdate();
            }
            reschedule(c, List.of(learner.id()));
            return null;
        });
        return Reply.text(MSG.get(learner.lang(), "time.set", formatTime(timeOf(learner)), zoneOf(learner).getId())
                + nextLine(learner));
    }

    /** /review: queues every due (or still unanswered) question now, up to {@link #MAX_PER_RUN}. */
    private Reply now(Learner learner) {
        Lang lang = learner.lang();
        Status status = status(learner);
        if (status.items() == 0) {
            return Reply.text(MSG.get(lang, "none"));
        }
        if (!status.enabled()) {
            return Reply.text(MSG.get(lang, "isOff"));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zoneOf(learner));
        int queued = db.inTransaction(c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "select learner_id from review_schedule where learner_id = ? for update")) {
                lock.setLong(1, learner.id());
                lock.executeQuery().close();
            }
            List<Item> due = items(c, List.of(learner.id()), today, true).getOrDefault(learner.id(), List.of());
            List<OutboxMessage> messages = new ArrayList<>();
            try (PreparedStatement asked = c.prepareStatement(ASKED)) {
                for (Item item : due.subList(0, Math.min(MAX_PER_RUN, due.size()))) {
                    // the learner asked for them: no quiet hours
                    ask(asked, item, today, learner.platform(), learner.chatId(), lang, now).ifPresent(messages::add);
                }
                asked.executeBatch();
            }
            Outbox.enqueue(c, messages, now);
            reschedule(c, List.of(learner.id()));
            return messages.size();
        });
        if (queued == 0) {
            return Reply.text(MSG.get(lang, "nothingDue") + nextLine(learner));
        }
        try {
            kick.run();
        } catch (RuntimeException e) {
            log.warn("Could not start sending review questions at once (the next sweep sends them): {}", e.toString());
        }
        return Reply.text(MSG.get(lang, "coming", queued));
    }

    /** An answer from a button or a quiz poll. */
    Reply answer(Learner learner, long itemId, int round, int choice, boolean viaPoll) {
        Lang lang = learner.lang();
        ZoneId zone = zoneOf(learner);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        record Outcome(String key, String unitId, String questionId, int correctChoice, int round, LocalDate next) {
        }
        Outcome outcome = db.inTransaction(c -> {
            String unitId;
            String questionId;
            int correctChoice;
            Integer pendingRound;
            ReviewRule.State state;
            try (PreparedStatement ps = c.prepareStatement("""
                    select unit_id, pending_question, pending_correct, pending_round, interval_days, streak, ease
                      from review_item where id = ? and learner_id = ? for update""")) {
                ps.setLong(1, itemId);
                ps.setLong(2, learner.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Outcome("answer.unknown", null, null, 0, 0, null);
                    }
                    unitId = rs.getString("unit_id");
                    questionId = rs.getString("pending_question");
                    correctChoice = rs.getShort("pending_correct");
                    int pr = rs.getInt("pending_round");
                    pendingRound = rs.wasNull() ? null : pr;
                    state = new ReviewRule.State(rs.getInt("interval_days"), rs.getInt("streak"), rs.getDouble("ease"));
                }
            }
            if (pendingRound == null || pendingRound != round) {
                return new Outcome("answer.stale", unitId, null, 0, 0, null);
            }
            boolean correct = choice == correctChoice;
            ReviewRule.State next = ReviewRule.after(state, correct);
            LocalDate nextDue = today.plusDays(next.intervalDays());
            try (PreparedStatement ps = c.prepareStatement("""
                    update review_item set interval_days = ?, streak = ?, ease = ?, due_on = ?,
                           pending_question = null, pending_correct = null, pending_round = null
                     where id = ?""")) {
                ps.setInt(1, next.intervalDays());
                ps.setInt(2, next.streak());
                ps.setDouble(3, next.ease());
                ps.setObject(4, nextDue);
                ps.setLong(5, itemId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into review_answer (learner_id, item_id, question_id, correct, answered_at)
                    values (?, ?, ?, ?, ?)""")) {
                ps.setLong(1, learner.id());
                ps.setLong(2, itemId);
                ps.setString(3, questionId);
                ps.setBoolean(4, correct);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
            reschedule(c, List.of(learner.id()));
            return new Outcome(correct ? "answer.right" : "answer.wrong", unitId, questionId, correctChoice, round,
                    nextDue);
        });
        if (outcome.questionId() == null) {
            return Reply.text(MSG.get(lang, outcome.key()));
        }
        String title = roadmap.unit(outcome.unitId()).map(u -> u.title().in(lang)).orElse("");
        Optional<ReviewQuestion> q = bank.question(outcome.questionId());
        // Telegram showed the explanation under its quiz already; Chinese needs no space after "！" or "。"
        String space = lang == Lang.ZH ? "" : " ";
        String explanation = viaPoll ? "" : q.map(x -> space + x.explanation().in(lang)).orElse("");
        String rightOption = q.map(x -> x.options(lang).get(x.answer())).orElse("");
        String when = formatDate(lang, outcome.next(), today);
        String text = outcome.key().equals("answer.right")
                ? MSG.get(lang, "answer.right", explanation, title, when)
                : MSG.get(lang, "answer.wrong", rightOption, explanation, title, when);
        return Reply.text(text.strip());
    }

    // ---------------------------------------------------------------- figures

    /**
     * A learner's review figures.
     *
     * @param items      units under review
     * @param dueNow     of those, due today or waiting for an answer
     * @param answered   answers counted (the last {@link #RETENTION_WINDOW})
     * @param correct    of those, right
     * @param streak     right answers in a row, most recent first
     * @param nextRun    when the next questions come, if any
     */
    public record Status(boolean enabled, int items, int dueNow, int answered, int correct, int streak,
                         Optional<Instant> nextRun) {
        public int retentionPercent() {
            return answered == 0 ? 0 : (int) Math.round(100.0 * correct / answered);
        }
    }

    public Status status(Learner learner) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zoneOf(learner));
        return db.inTransaction(c -> {
            boolean enabled = true;
            Optional<Instant> next = Optional.empty();
            int items;
            int due;
            // the schedule (absent before the first finished unit) and the item counts, in one statement
            try (PreparedStatement ps = c.prepareStatement("""
                    select s.enabled, s.next_run_at, i.items, i.due
                      from (select count(*) as items,
                                   count(*) filter (where due_on <= ? or pending_round is not null) as due
                              from review_item where learner_id = ?) i
                      left join review_schedule s on s.learner_id = ?""")) {
                ps.setObject(1, today);
                ps.setLong(2, learner.id());
                ps.setLong(3, learner.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getObject(1) != null) {
                        enabled = rs.getBoolean(1);
                        next = Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant);
                    }
                    items = rs.getInt(3);
                    due = rs.getInt(4);
                }
            }
            int answered = 0;
            int correct = 0;
            int streak = 0;
            boolean running = true;
            try (PreparedStatement ps = c.prepareStatement("""
                    select correct from review_answer where learner_id = ? order by answered_at desc, id desc limit ?""")) {
                ps.setLong(1, learner.id());
                ps.setInt(2, 1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean right = rs.getBoolean(1);
                        if (answered < RETENTION_WINDOW) {
                            answered++;
                            correct += right ? 1 : 0;
                        }
                        if (running && right) {
                            streak++;
                        } else {
                            running = false;
                            if (answered >= RETENTION_WINDOW) {
                                break;
                            }
                        }
                    }
                }
            }
            return new Status(enabled, items, due, answered, correct, streak, next);
        });
    }

    /** The line /progress shows about reviews (from a status already read), or empty when nothing is under review yet. */
    public Optional<String> retentionLine(Learner learner, Status s) {
        if (s.items() == 0) {
            return Optional.empty();
        }
        Lang lang = learner.lang();
        String line = s.answered() == 0
                ? MSG.get(lang, "progress.noAnswers", s.items(), s.dueNow())
                : MSG.get(lang, "progress.retention", s.correct(), s.answered(), s.retentionPercent(), s.items(),
                        s.dueNow(), s.streak());
        if (!s.enabled()) {
            line += " " + MSG.get(lang, "progress.off");
        }
        return Optional.of(line);
    }

    private String nextLine(Learner learner) {
        Status s = status(learner);
        return s.nextRun().map(n -> "\n" + MSG.get(learner.lang(), "next",
                DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", learner.lang().locale()).format(n.atZone(zoneOf(learner)))))
                .orElse("");
    }

    // ---------------------------------------------------------------- helpers

    private LocalTime timeOf(Learner learner) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select s.review_time, l.checkin_time from learner l
                      left join review_schedule s on s.learner_id = l.id where l.id = ?""")) {
                ps.setLong(1, learner.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? time(rs) : DEFAULT_TIME;
                }
            }
        });
    }

    private static LocalTime time(ResultSet rs) throws SQLException {
        LocalTime picked = rs.getObject("review_time", LocalTime.class);
        if (picked != null) {
            return picked;
        }
        LocalTime checkin = rs.getObject("checkin_time", LocalTime.class);
        return checkin != null ? checkin : DEFAULT_TIME;
    }

    static ZoneId zone(String id) {
        if (id == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static ZoneId zoneOf(Learner learner) {
        return learner.settings().map(LearnerSettings::zone).orElse(ZoneOffset.UTC);
    }

    private static String formatTime(LocalTime t) {
        return DateTimeFormatter.ofPattern("HH:mm").format(t);
    }

    private static String formatDate(Lang lang, LocalDate date, LocalDate today) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, date);
        String d = DateTimeFormatter.ofPattern(lang == Lang.ZH ? "M月d日 EEE" : "EEE d MMM", lang.locale()).format(date);
        return days == 1 ? MSG.get(lang, "when.tomorrow", d) : MSG.get(lang, "when.days", days, d);
    }
}

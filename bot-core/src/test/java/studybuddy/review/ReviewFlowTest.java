package studybuddy.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Button;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.learner.Learner;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** Spaced review end to end through the dispatcher, the sweep and the outbox, in virtual time on PostgreSQL. */
class ReviewFlowTest {
    // Friday 27 Nov 2026, 11:00 in Berlin (UTC+1); the check-in time is 09:00 Berlin = 08:00 UTC
    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant SUNDAY_0900_BERLIN = Instant.parse("2026-11-29T08:00:00Z");

    private Database db;
    private MutableClock clock;
    private BotCore core;
    private final List<OutgoingMessage> sent = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(8);
        clock = new MutableClock(START);
        core = new BotCore(db, clock);
        core.registerSender(new MessageSender() {
            @Override
            public String platform() {
                return "telegram";
            }

            @Override
            public SendResult send(OutgoingMessage message) {
                sent.add(message);
                return new SendResult.Sent("m" + sent.size());
            }
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Caller direct(String user) {
        return Caller.direct("telegram", user, user, Lang.EN);
    }

    private Reply say(String user, String line) {
        return core.dispatcher().handle(direct(user), line).orElseThrow();
    }

    private void onboard(String user, String zone, String lang) {
        say(user, "/setup background=developer path=software hours=8 timezone=" + zone + " lang=" + lang
                + " day=mon time=09:00");
    }

    private Learner learner(String user) {
        return core.learners().findByPlatformUser("telegram", user).orElseThrow();
    }

    /** Runs the review sweep at {@code at} and sends what is due (the paced sender spaces one chat's messages). */
    private List<OutgoingMessage> sweepAt(Instant at) {
        clock.set(at);
        core.reviews().sweep();
        return deliver();
    }

    private List<OutgoingMessage> deliver() {
        int before = sent.size();
        for (int i = 0; i < 20; i++) {
            core.outboxSender().drain();
            clock.advance(Duration.ofSeconds(1));
        }
        return sent.subList(before, sent.size()).stream().filter(m -> m.poll() != null).toList();
    }

    private int count(String sql) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private LocalDate dueOn(String user, String unit) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select due_on from review_item where learner_id = ? and unit_id = ?")) {
                ps.setLong(1, learner(user).id());
                ps.setString(2, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, LocalDate.class);
                }
            }
        });
    }

    private static Button rightButton(OutgoingMessage m) {
        return m.reply().buttons().get(m.poll().correctOption());
    }

    private static Button wrongButton(OutgoingMessage m) {
        return m.reply().buttons().get((m.poll().correctOption() + 1) % m.reply().buttons().size());
    }

    @Test
    @DisplayName("a finished unit's first quiz comes two days later at the check-in time, in the learner's zone")
    void givenUnitDone_whenTwoDaysPass_thenQuizArrivesAtCheckinTime() {
        // GIVEN ana in Berlin finishes CS50 weeks 0–3 on Friday
        onboard("ana", "Europe/Berlin", "en");
        say("ana", "/done cs50-1");
        // WHEN the sweep runs a minute before Sunday 09:00 Berlin, and at 09:00
        List<OutgoingMessage> early = sweepAt(SUNDAY_0900_BERLIN.minusSeconds(60));
        List<OutgoingMessage> onTime = sweepAt(SUNDAY_0900_BERLIN);
        // THEN nothing early; at 09:00 one quiz: a poll for Telegram and the same question with a button per option
        assertThat(early).isEmpty();
        assertThat(onTime).hasSize(1);
        OutgoingMessage quiz = onTime.get(0);
        assertThat(quiz.chatId()).isEqualTo("ana");
        assertThat(quiz.reply().text()).startsWith("🔁 **Review · CS50x weeks 0–3");
        assertThat(quiz.poll().question()).contains("binary search");
        assertThat(quiz.poll().options()).hasSize(4).contains("It must be sorted");
        assertThat(quiz.poll().options().get(quiz.poll().correctOption())).isEqualTo("It must be sorted");
        assertThat(quiz.poll().explanation()).contains("halves");
        assertThat(quiz.reply().buttons()).extracting(Button::label).containsExactlyElementsOf(quiz.poll().options());
        assertThat(quiz.reply().buttons().get(0).action()).matches("/review answer \\d+ 1 0");
        // and a second sweep the same day sends nothing more
        assertThat(sweepAt(SUNDAY_0900_BERLIN.plusSeconds(3600))).isEmpty();
    }

    @Test
    @DisplayName("a right answer stretches the interval to 7 days, a wrong one brings the unit back tomorrow")
    void givenQuiz_whenAnsweredRightThenWrong_thenIntervalStretchesThenShortens() {
        onboard("ana", "Europe/Berlin", "en");
        say("ana", "/done cs50-1");
        OutgoingMessage first = sweepAt(SUNDAY_0900_BERLIN).get(0);

        // WHEN she presses the right option
        Reply right = say("ana", rightButton(first).action());
        // THEN praise, the explanation, and the next review a week later
        assertThat(right.text()).startsWith("✅ Right!").contains("halves").contains("in 7 days (Sun 6 Dec)");
        assertThat(dueOn("ana", "cs50-1")).isEqualTo(LocalDate.parse("2026-12-06"));
        // pressing it again is refused, not counted twice
        assertThat(say("ana", rightButton(first).action()).text()).contains("already been answered");
        assertThat(count("select count(*) from review_answer")).isEqualTo(1);

        // WHEN the next quiz (the unit's second question) comes and she picks a wrong option
        assertThat(sweepAt(SUNDAY_0900_BERLIN.plus(Duration.ofDays(6)).minusSeconds(60))).isEmpty();
        OutgoingMessage second = sweepAt(SUNDAY_0900_BERLIN.plus(Duration.ofDays(7))).get(0);
        assertThat(second.poll().question()).contains("million");
        Reply wrong = say("ana", wrongButton(second).action());
        // THEN the right answer is named and the unit comes back tomorrow
        assertThat(wrong.text()).startsWith("❌ Not quite: the answer is “About 20”.").contains("tomorrow (Mon 7 Dec)");
        assertThat(dueOn("ana", "cs50-1")).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(sweepAt(Instant.parse("2026-12-07T08:00:00Z"))).hasSize(1);
    }

    @Test
    @DisplayName("/progress shows retention and sends the progress picture")
    void givenAnswers_whenProgress_thenRetentionLineAndPicture() throws Exception {
        onboard("ana", "Europe/Berlin", "en");
        say("ana", "/done cs50-1");
        say("ana", "/done cs50-2");
        assertThat(say("ana", "/progress").text()).contains("**Review:** 2 units under review, 0 due");
        List<OutgoingMessage> quizzes = sweepAt(SUNDAY_0900_BERLIN);
        assertThat(quizzes).hasSize(2);
        say("ana", rightButton(quizzes.get(0)).action());
        say("ana", wrongButton(quizzes.get(1)).action());

        Reply progress = say("ana", "/progress");

        assertThat(progress.text()).contains("50% right in your last 2 answers (1 of 2)").contains("2 units under review")
                .contains("0 right in a row");
        assertThat(progress.attachments()).hasSize(1);
        assertThat(progress.attachments().get(0).mimeType()).isEqualTo("image/png");
        var image = ImageIO.read(new java.io.ByteArrayInputStream(progress.attachments().get(0).data()));
        assertThat(image.getWidth()).isEqualTo(ProgressPicture.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ProgressPicture.height(7));
    }

    @Test
    @DisplayName("a pause skips review days; quiet hours hold the quiz until they end")
    void givenPauseAndQuietHours_whenDue_thenSkippedThenHeld() {
        onboard("ana", "Europe/Berlin", "en");
        say("ana", "/done cs50-1");
        // GIVEN a 5-day pause from Friday 11:00 (until Wednesday 11:00 Berlin)
        say("ana", "/pause 5");
        // THEN nothing on Sunday, nor on Wednesday 09:00 (still paused), but Thursday 09:00
        assertThat(sweepAt(SUNDAY_0900_BERLIN)).isEmpty();
        assertThat(sweepAt(Instant.parse("2026-12-02T08:00:00Z"))).isEmpty();
        OutgoingMessage thursday = sweepAt(Instant.parse("2026-12-03T08:00:00Z")).get(0);
        say("ana", rightButton(thursday).action());

        // GIVEN quiet hours 08:00–10:00 and a second finished unit due on Saturday
        say("ana", "/quiet 08:00-10:00");
        say("ana", "/done cs50-2");
        clock.set(Instant.parse("2026-12-05T08:00:00Z"));
        core.reviews().sweep();
        // THEN the quiz is queued but held until 10:00 Berlin
        assertThat(deliver()).isEmpty();
        assertThat(sweepAt(Instant.parse("2026-12-05T09:00:00Z"))).hasSize(1);
    }

    @Test
    @DisplayName("/review off stops quizzes, /review on resumes them, /review time moves them")
    void givenReviewSettings_whenChanged_thenDeliveryFollows() {
        onboard("ana", "Europe/Berlin", "en");
        say("ana", "/done cs50-1");
        assertThat(say("ana", "/review off").text()).contains("Reviews are off");
        assertThat(sweepAt(SUNDAY_0900_BERLIN)).isEmpty();
        assertThat(say("ana", "/review").text()).contains("/review on");

        clock.set(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(say("ana", "/review on").text()).contains("09:00 (Europe/Berlin)").contains("Mon 2026-11-30 09:00");
        assertThat(say("ana", "/review time 19:00").text()).contains("19:00 (Europe/Berlin)")
                .contains("Sun 2026-11-29 19:00");
        assertThat(sweepAt(Instant.parse("2026-11-29T17:59:00Z"))).isEmpty();
        assertThat(sweepAt(Instant.parse("2026-11-29T18:00:00Z"))).hasSize(1);
    }

    @Test
    @DisplayName("/review sends the due questions at once; before they are due it says when they come")
    void givenDueQuestions_whenReviewOnDemand_thenQueuedNow() {
        onboard("ana", "Europe/Berlin", "en");
        assertThat(say("ana", "/review").text()).contains("Nothing to review yet");
        say("ana", "/done cs50-1");
        assertThat(say("ana", "/review").text()).contains("Nothing is due right now")
                .contains("Next review questions: Sun 2026-11-29 09:00");
        // Sunday 07:00 Berlin: due today, before the review time
        clock.set(Instant.parse("2026-11-29T06:00:00Z"));
        assertThat(say("ana", "/review").text()).contains("Here comes your due review question");
        assertThat(deliver()).hasSize(1);
        // the scheduled run at 09:00 does not ask it again
        assertThat(sweepAt(SUNDAY_0900_BERLIN)).isEmpty();
    }

    @Test
    @DisplayName("a Chinese learner gets the quiz and the feedback in Chinese")
    void givenChineseLearner_whenQuizAndAnswer_thenChinese() {
        onboard("li", "Asia/Shanghai", "zh");
        say("li", "/done ml-spec-1");
        // due Sunday 09:00 Shanghai = 01:00 UTC
        OutgoingMessage quiz = sweepAt(Instant.parse("2026-11-29T01:00:00Z")).get(0);
        assertThat(quiz.reply().text()).startsWith("🔁 **复习 · 机器学习专项课程");
        assertThat(quiz.poll().question()).contains("监督学习");
        Reply right = say("li", rightButton(quiz).action());
        assertThat(right.text()).startsWith("✅ 答对了！").contains("7 天后（12月6日 周日）");
    }

    @Test
    @DisplayName("bad /review input gets a clear reply and changes nothing")
    void givenBadInput_whenReview_thenClearReply() {
        onboard("ana", "Europe/Berlin", "en");
        onboard("ben", "Europe/Berlin", "en");
        say("ana", "/done cs50-1");
        OutgoingMessage quiz = sweepAt(SUNDAY_0900_BERLIN).get(0);
        assertThat(say("ana", "/review time 25:00").text()).contains("not a time of day");
        assertThat(say("ana", "/review '; drop table review_item; --").text()).startsWith("I don’t understand");
        assertThat(say("ana", "/review " + "🙂".repeat(1500)).text()).startsWith("I don’t understand");
        assertThat(say("ana", "/review answer 99999999 1 0").text()).contains("can’t find that review question");
        // ben cannot answer ana's question
        assertThat(say("ben", rightButton(quiz).action()).text()).contains("can’t find that review question");
        assertThat(count("select count(*) from review_answer")).isZero();
        assertThat(count("select count(*) from review_item")).isEqualTo(1);
    }

    @Test
    @DisplayName("DST: a review time inside the spring-forward gap comes at 03:00; a fall-back time comes once")
    void givenReviewTimeInDstChange_whenDue_thenResolvedOnce() {
        // GIVEN a learner in Berlin whose reviews come at 02:30, finishing a unit on Friday 27 March 2026
        clock.set(Instant.parse("2026-03-27T10:00:00Z"));
        onboard("ana", "Europe/Berlin", "en");
        say("ana", "/review time 02:30");
        say("ana", "/done cs50-1");
        // WHEN due on Sunday 29 March, when clocks jump from 02:00 to 03:00
        // THEN it comes at 03:00 CEST (01:00 UTC), not before and not skipped
        assertThat(sweepAt(Instant.parse("2026-03-29T00:59:00Z"))).isEmpty();
        OutgoingMessage spring = sweepAt(Instant.parse("2026-03-29T01:00:00Z")).get(0);

        // GIVEN the next review falls on Sunday 25 October, when 02:30 happens twice
        clock.set(Instant.parse("2026-10-23T12:00:00Z"));
        db.inTransaction(c -> c.createStatement().executeUpdate(
                "update review_item set due_on = date '2026-10-25', pending_round = null"));
        core.reviews().reschedule(learner("ana").id());
        // THEN it comes at the first 02:30 (CEST, 00:30 UTC) and not again at the second (CET, 01:30 UTC)
        assertThat(sweepAt(Instant.parse("2026-10-25T00:29:00Z"))).isEmpty();
        assertThat(sweepAt(Instant.parse("2026-10-25T00:30:00Z"))).hasSize(1);
        assertThat(sweepAt(Instant.parse("2026-10-25T01:30:00Z"))).isEmpty();
        assertThat(spring.poll()).isNotNull();
    }

    @Test
    @DisplayName("two instances sweeping at once queue each learner's quiz once")
    void givenTwoInstances_whenSweepingTogether_thenEachQuizOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            onboard("u" + i, "Europe/Berlin", "en");
            say("u" + i, "/done cs50-1");
        }
        clock.set(SUNDAY_0900_BERLIN);
        ReviewService other = new ReviewService(db, core.roadmap(), core.reviews().bank(), clock, 7);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(() -> core.reviews().sweep(),
                    other::sweep));
            int total = 0;
            for (Future<Integer> f : runs) {
                total += f.get();
            }
            assertThat(total).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from outbox where kind = 'review'")).isEqualTo(30);
        assertThat(count("select count(distinct learner_id) from outbox where kind = 'review'")).isEqualTo(30);
    }

    @Test
    @DisplayName("a unit marked skipped after all leaves review; marking it done twice schedules it once")
    void givenDoneUnit_whenSkippedOrDoneAgain_thenReviewFollows() {
        onboard("ana", "Europe/Berlin", "en");
        say("ana", "/done cs50-1");
        say("ana", "/done cs50-1");
        assertThat(count("select count(*) from review_item")).isEqualTo(1);
        say("ana", "/skip cs50-1");
        assertThat(count("select count(*) from review_item")).isZero();
        assertThat(count("select count(*) from review_schedule where next_run_at is not null")).isZero();
        assertThat(sweepAt(SUNDAY_0900_BERLIN)).isEmpty();
    }

    @Test
    @DisplayName("erasing a learner erases their review rows")
    void givenReviewRows_whenLearnerDeleted_thenCascade() {
        onboard("ana", "Europe/Berlin", "en");
        say("ana", "/done cs50-1");
        OutgoingMessage quiz = sweepAt(SUNDAY_0900_BERLIN).get(0);
        say("ana", rightButton(quiz).action());
        core.polls().remember("telegram", "poll-1", quiz.poll());
        long id = learner("ana").id();
        db.inTransaction(c -> c.createStatement().executeUpdate("delete from learner where id = " + id));
        for (String table : List.of("review_schedule", "review_item", "review_answer", "review_poll")) {
            assertThat(count("select count(*) from " + table)).as(table).isZero();
        }
    }
}

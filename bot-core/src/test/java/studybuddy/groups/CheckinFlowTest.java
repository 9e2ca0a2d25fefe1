package studybuddy.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.command.Mention;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.learner.Learner;
import studybuddy.learner.Mark;
import studybuddy.learner.PostgresProgressRepository;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutboxWriter;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** A study group's week in virtual time: five members in two timezones, on a real PostgreSQL. */
class CheckinFlowTest {
    private static final String GROUP_CHAT = "-100123";
    private static final Instant SETUP_AT = Instant.parse("2026-11-27T10:00:00Z");
    // Mondays 18:00 in Berlin (UTC+1 in winter), open 24 h: nudge at 80 % = 19.2 h later.
    private static final Instant OPENS = Instant.parse("2026-11-30T17:00:00Z");
    private static final Instant NUDGE = Instant.parse("2026-12-01T12:12:00Z");
    private static final Instant CLOSES = Instant.parse("2026-12-01T17:00:00Z");

    private Database db;
    private MutableClock clock;
    private BotCore core;
    private final List<OutgoingMessage> sent = Collections.synchronizedList(new ArrayList<>());
    private final OutboxWriter recordingOutbox = (Connection tx, OutgoingMessage m, Long learnerId, String key) -> sent.add(m);

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(8);
        clock = new MutableClock(SETUP_AT);
        core = new BotCore(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Caller inGroup(String user, boolean admin) {
        return new Caller("telegram", user, GROUP_CHAT, true, admin, user, Lang.EN);
    }

    private static Caller direct(String user) {
        return Caller.direct("telegram", user, user, Lang.EN);
    }

    private Reply say(Caller caller, String line) {
        return core.dispatcher().handle(caller, line).orElseThrow();
    }

    private Learner learner(String user) {
        return core.learners().findByPlatformUser("telegram", user).orElseThrow();
    }

    private void onboard(String user, String zone) {
        say(direct(user), "/setup background=developer path=software hours=8 timezone=" + zone
                + " lang=en day=mon time=09:00");
    }

    private CheckinService newInstance() {
        return new CheckinService(db, core.groups(), recordingOutbox, clock);
    }

    private void givenGroupOfFive() {
        onboard("ana", "Europe/Berlin");
        onboard("ben", "Europe/Berlin");
        onboard("chen", "Asia/Shanghai");
        onboard("eva", "Europe/Berlin");
        // dai never talked to the bot privately: a nudge must go through the group
        assertThat(say(inGroup("ana", true), "/group setup day=mon time=18:00 timezone=Europe/Berlin window=24").text())
                .contains("Weekly check-in set");
        for (String m : List.of("ben", "chen", "dai", "eva")) {
            assertThat(say(inGroup(m, false), "/group join").text()).contains("joined");
        }
        assertThat(say(direct("eva"), "/away 2w").text()).contains("away until");
    }

    @Test
    @DisplayName("open → two answer, one edits, one away → nudge only the two silent → one answers late → one summary")
    void givenGroupOfFive_whenWeekRuns_thenEachCaseIsInTheSummaryOnce() {
        // GIVEN a group of five, with past weeks of progress to compare against
        givenGroupOfFive();
        PostgresProgressRepository progress = new PostgresProgressRepository(db);
        progress.mark(learner("ana").id(), "math-linear-algebra", Mark.Status.DONE, OPENS.minus(Duration.ofDays(10)));
        progress.mark(learner("ana").id(), "ml-spec-2", Mark.Status.DONE, OPENS.minus(Duration.ofDays(9)));
        progress.mark(learner("ben").id(), "ml-spec-1", Mark.Status.DONE, OPENS.plus(Duration.ofHours(1)));
        progress.mark(learner("ben").id(), "math-linear-algebra", Mark.Status.DONE, OPENS.plus(Duration.ofHours(2)));
        CheckinService checkins = newInstance();

        // WHEN the window opens
        clock.set(OPENS);
        assertThat(checkins.sweep().opened()).isEqualTo(1);
        // THEN the prompt is posted in the group with a check-in button
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.chatId()).isEqualTo(GROUP_CHAT);
            assertThat(m.reply().text()).contains("Weekly check-in is open");
            assertThat(m.reply().buttons()).extracting(b -> b.action()).containsExactly("/checkin");
        });
        sent.clear();

        // WHEN ana answers in one line in the group, ben through the guided dialogue in private
        clock.set(OPENS.plus(Duration.ofHours(1)));
        assertThat(say(inGroup("ana", true), "/checkin done: ML course 2 week 1 ; next: week 2 ; blockers: none").text())
                .contains("checked in");
        assertThat(say(direct("ben"), "/checkin").text()).contains("What did you do");
        assertThat(say(direct("ben"), "finished ML course 1").text()).contains("What will you do next");
        assertThat(say(direct("ben"), "linear algebra").text()).contains("blocking");
        assertThat(say(direct("ben"), "GPU quota on Colab").text()).contains("checked in").doesNotContain("late");
        // ana edits her answer; ben's answer does not touch hers
        assertThat(say(inGroup("ana", true), "/checkin done: ML course 2 weeks 1-2 ; next: week 3 ; blockers: none").text())
                .contains("updated");

        // WHEN the nudge time comes
        clock.set(NUDGE);
        assertThat(checkins.sweep().nudged()).isEqualTo(1);
        // THEN only the two silent members are nudged: chen privately, dai in the group; not eva (away)
        assertThat(sent).hasSize(2);
        assertThat(sent).filteredOn(OutgoingMessage::direct).singleElement()
                .satisfies(m -> assertThat(m.chatId()).isEqualTo("chen"));
        assertThat(sent).filteredOn(m -> !m.direct()).singleElement().satisfies(m -> {
            assertThat(m.chatId()).isEqualTo(GROUP_CHAT);
            assertThat(m.reply().text()).contains(Mention.of("dai", "dai"))
                    .doesNotContain("(user:ana)", "(user:ben)", "(user:eva)", "(user:chen)");
        });
        assertThat(checkins.sweep().nudged()).as("nudged once").isZero();
        sent.clear();

        // WHEN chen answers after the nudge
        clock.set(NUDGE.plus(Duration.ofHours(2)));
        assertThat(say(direct("chen"), "/checkin done: CNN notebook ; next: RNNs ; blockers: none").text())
                .contains("late");
        // and writes a note on what she learned
        say(direct("chen"), "/note Convolutions share weights, which is why CNNs need so few parameters");

        // WHEN the window closes, with a second instance sweeping at the same moment
        clock.set(CLOSES);
        CheckinService other = newInstance();
        int closed = checkins.sweep().closed() + other.sweep().closed() + checkins.sweep().closed();
        // THEN exactly one summary is posted in the group
        assertThat(closed).isEqualTo(1);
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.chatId()).isEqualTo(GROUP_CHAT);
            String text = m.reply().text();
            assertThat(text).contains("3 of 5 checked in");
            assertThat(text).contains("**ana** (edited)").contains("ML course 2 weeks 1-2").doesNotContain("week 1 ;");
            assertThat(text).contains("**ben**").contains("finished ML course 1");
            assertThat(text).contains("**chen** (late)");
            assertThat(text).contains("Blockers").contains("ben: GPU quota on Colab");
            assertThat(text).contains("Away**: eva").contains("Not heard from**: dai");
            assertThat(text).contains("Convolutions share weights");
            // each member against their own past: ana did less than her own average, ben more
            assertThat(lineOf(text, "ana")).contains("Units done this week: 0 ↓");
            assertThat(lineOf(text, "ben")).contains("Units done this week: 2 ↑");
            assertThat(m.reply().attachments()).singleElement().satisfies(a -> {
                assertThat(a.mimeType()).isEqualTo("image/png");
                assertThat(a.data()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            });
        });
    }

    /** The progress line that follows a member's entry in the summary. */
    private static String lineOf(String summary, String member) {
        int at = summary.indexOf("**" + member + "**");
        int progress = summary.indexOf("Units done this week", at);
        return summary.substring(progress, summary.indexOf('\n', progress));
    }

    @Test
    void givenNonAdmin_whenChangingGroupSettings_thenRefusedAndNothingChanged() {
        givenGroupOfFive();
        Reply reply = say(inGroup("ben", false), "/group setup day=fri time=07:00 timezone=Asia/Tokyo");
        assertThat(reply.text()).contains("Only the group's admins");
        assertThat(reply.ephemeral()).isTrue();
        assertThat(say(inGroup("ben", false), "/group pause").text()).contains("Only the group's admins");
        StudyGroup group = core.groups().findGroup("telegram", GROUP_CHAT).orElseThrow();
        assertThat(group.settings().zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(group.status()).isEqualTo(StudyGroup.Status.ACTIVE);
    }

    @Test
    void givenAnswerOfAnother_whenMemberChecksIn_thenOnlyTheirOwnAnswerChanges() {
        givenGroupOfFive();
        clock.set(OPENS);
        newInstance().sweep();
        say(inGroup("ana", true), "/checkin done: mine ; next: mine ; blockers: none");
        say(inGroup("ben", false), "/checkin done: his ; next: his ; blockers: none");
        CheckinWindow window = core.groups().latestWindow(core.groups().findGroup("telegram", GROUP_CHAT)
                .orElseThrow().id()).orElseThrow();
        assertThat(core.groups().answers(window.id()).get(learner("ana").id()).done()).isEqualTo("mine");
        assertThat(core.groups().answers(window.id()).get(learner("ben").id()).done()).isEqualTo("his");
    }

    @Test
    @DisplayName("a restart in the middle of the window: the close and the summary still happen once")
    void givenRestartMidWindow_whenClosing_thenSummaryOnceAcrossInstances() throws Exception {
        givenGroupOfFive();
        clock.set(OPENS);
        newInstance().sweep();
        say(inGroup("ana", true), "/checkin done: a ; next: b ; blockers: none");
        sent.clear();
        // the first process is gone; two new instances start on the same database
        core = new BotCore(db, clock);
        clock.set(CLOSES.plus(Duration.ofMinutes(5)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CheckinService instance = newInstance();
            results.add(pool.submit(() -> {
                start.await();
                return instance.sweep().closed();
            }));
        }
        start.countDown();
        int closed = 0;
        for (Future<Integer> f : results) {
            closed += f.get();
        }
        pool.shutdown();
        assertThat(closed).isEqualTo(1);
        // the nudge time passed while down: the window closes directly, with one summary and no stale nudges
        assertThat(sent).singleElement().satisfies(m -> assertThat(m.reply().text()).contains("summary"));
    }

    @Test
    @DisplayName("through the real outbox: prompt, nudges and the summary with its chart each reach the platform once")
    void givenRealOutbox_whenWeekRuns_thenEachMessageDeliveredOnceWithChart() {
        // GIVEN the bot's own outbox and a platform that records what it is asked to send
        givenGroupOfFive();
        List<OutgoingMessage> delivered = Collections.synchronizedList(new ArrayList<>());
        core.registerSender(telegram(message -> {
            delivered.add(message);
            return new SendResult.Sent("m" + delivered.size());
        }));
        // WHEN the week runs, with the sender draining after every sweep (twice, as two rounds would)
        for (Instant t : List.of(OPENS, NUDGE, CLOSES)) {
            clock.set(t);
            core.checkins().sweep();
            core.checkins().sweep();
            core.outboxSender().drain();
            core.outboxSender().drain();
        }
        // THEN the prompt, the nudges and one summary with its PNG arrived
        assertThat(delivered).filteredOn(m -> m.reply().text().contains("Weekly check-in is open")).hasSize(1);
        assertThat(delivered).filteredOn(OutgoingMessage::direct).extracting(OutgoingMessage::chatId)
                .containsExactlyInAnyOrder("ana", "ben", "chen");
        List<OutgoingMessage> summaries = delivered.stream()
                .filter(m -> m.reply().text().contains("Weekly check-in summary")).toList();
        assertThat(summaries).singleElement().satisfies(m -> assertThat(m.reply().attachments()).singleElement()
                .satisfies(a -> assertThat(a.data().length).isGreaterThan(1000)));
    }

    @Test
    void givenBotRemovedFromGroup_whenThePromptCannotBeDelivered_thenTheGroupsCheckinsAreTurnedOff() {
        // GIVEN a group whose chat the platform says the bot can no longer write to
        givenGroupOfFive();
        core.registerSender(telegram(message -> new SendResult.Unreachable("bot was kicked from the group chat")));
        // WHEN the window opens and the prompt is sent
        clock.set(OPENS);
        core.checkins().sweep();
        core.outboxSender().drain();
        // THEN the group is off: no more weekly windows queued for a chat nobody can read
        StudyGroup group = core.groups().findGroup("telegram", GROUP_CHAT).orElseThrow();
        assertThat(group.status()).isEqualTo(StudyGroup.Status.OFF);
        assertThat(group.nextOpenAt()).isEmpty();
    }

    @Test
    void givenAnUnknownActionWithEmoji_whenEchoedShortened_thenNoEmojiIsCutInHalf() {
        // GIVEN an unknown /group action whose 40th and 41st chars are one emoji (a surrogate pair)
        String action = "x".repeat(39) + "😀😀";
        // WHEN
        String text = say(inGroup("ana", true), "/group " + action).text();
        // THEN the echo is shortened on a code point boundary: no lone surrogate
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).as(text).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(ch)).as(text).isFalse();
            }
        }
        assertThat(text).contains("x".repeat(39));
    }

    /** A fake Telegram that answers every message as told. */
    private static MessageSender telegram(Function<OutgoingMessage, SendResult> answer) {
        return new MessageSender() {
            @Override
            public String platform() {
                return "telegram";
            }

            @Override
            public SendResult send(OutgoingMessage message) {
                return answer.apply(message);
            }
        };
    }

    @Test
    void givenMemberWhoCheckedInAndLeft_whenStatusAndSummary_thenOnlyCurrentMembersCounted() {
        // GIVEN a group of five, ana and ben checked in, then ben left the group
        givenGroupOfFive();
        CheckinService checkins = newInstance();
        clock.set(OPENS);
        checkins.sweep();
        say(inGroup("ana", true), "/checkin done: a ; next: b ; blockers: none");
        say(inGroup("ben", false), "/checkin done: c ; next: d ; blockers: none");
        assertThat(say(inGroup("ben", false), "/group leave").text()).isNotBlank();
        // WHEN the status is asked and the window closes
        String status = say(inGroup("ana", true), "/group status").text();
        sent.clear();
        clock.set(CLOSES);
        checkins.sweep();
        // THEN both count only who is still a member: never more checked in than members
        assertThat(status).contains("Open now: 1 of 4 members checked in");
        assertThat(sent).singleElement().satisfies(m -> assertThat(m.reply().text()).contains("1 of 4 checked in"));
    }

    @Test
    void givenLearnerInNoGroup_whenNote_thenNoPromiseOfAGroupSummary() {
        // GIVEN someone who is in no study group
        onboard("solo", "Europe/Berlin");
        // WHEN they write a note
        String reply = say(direct("solo"), "/note backprop is the chain rule").text();
        // THEN it is saved without promising a group summary, and says how to share notes
        assertThat(reply).startsWith("Noted!").doesNotContain("It will be highlighted").contains("/group join");
        // while a member's note is still promised to the summary
        givenGroupOfFive();
        assertThat(say(direct("ben"), "/note attention is weighted averaging").text()).contains("weekly summary")
                .doesNotContain("not in a study group");
    }
}

package studybuddy.reminders;

import studybuddy.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import studybuddy.learner.Learner;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** /remind, /reminders and /remind cancel as a learner types them. */
class RemindCommandTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z"); // Monday 12:00 in Berlin

    private final Database db = TestDatabase.fresh(4);
    private final Fixture f = new Fixture(db, new MutableClock(NOW));

    @AfterEach
    void close() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2020-01-01 08:00 old news          | already past",
            "today 08:00 too late               | already past",
            "9999-12-01 08:30 far future        | too far ahead",
            "in 99999 days wait                 | too far ahead",
            "every 0 minutes spam               | not an interval",
            "every 5 minutes spam               | every few days or weeks",
            "every blue moon 09:00 hmm          | how often",
            "tomorrow 25:00 nope                | not a time of day",
            "2026-02-30 08:00 no such day       | not a date",
            "tomorrow 19:00                     | What should I remind you of",
            "in 0h now                          | at least one minute",
            "someday maybe                      | did not understand when",
            "'   '                              | When should I remind you"})
    void givenBadWhen_whenRemind_thenClearReplyAndNothingCreated(String input, String expected) {
        // GIVEN
        Learner anna = f.learner("anna", BERLIN);
        // WHEN
        String reply = f.reminders.remind(anna, input).text();
        // THEN
        assertThat(reply).contains(expected).contains("/remind tomorrow 19:00");
        assertThat(f.count("select count(*) from reminder")).isZero();
    }

    @Test
    void givenALearnerWithoutATimezone_whenRemind_thenTheZoneReadsUtcNotZ() {
        // GIVEN someone who has not set up yet (reminders then count in UTC)
        Learner bo = f.learner("bo", java.time.ZoneOffset.UTC);
        // WHEN
        String reply = f.reminders.remind(bo, "tomorrow 19:00 study").text();
        // THEN
        assertThat(reply).contains("(UTC)").doesNotContain("(Z)");
    }

    @Test
    void givenTextOver500Characters_whenRemind_thenRefusedAndNothingCreated() {
        Learner anna = f.learner("anna", BERLIN);
        String reply = f.reminders.remind(anna, "tomorrow 19:00 " + "x".repeat(501)).text();
        assertThat(reply).contains("too long");
        assertThat(f.count("select count(*) from reminder")).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tomorrow 19:00 review notes      | 2026-05-05T17:00:00Z",
            "in 2h stretch                    | 2026-05-04T12:00:00Z",
            "2026-12-01 08:30 exam            | 2026-12-01T07:30:00Z",
            "every mon 09:00 plan             | 2026-05-11T07:00:00Z",
            "every day 21:00 flashcards       | 2026-05-04T19:00:00Z",
            "每周一 09:00 计划本周               | 2026-05-11T07:00:00Z",
            "明天 19:00 复习笔记                 | 2026-05-05T17:00:00Z",
            "每天 21:00 背卡片                   | 2026-05-04T19:00:00Z",
            "2小时后 活动一下                     | 2026-05-04T12:00:00Z"})
    void givenGoodWhenInEnglishOrChinese_whenRemind_thenCreatedWithTheRightNextTime(String input, String next) {
        // GIVEN
        Learner anna = f.learner("anna", BERLIN);
        // WHEN
        String reply = f.reminders.remind(anna, input).text();
        // THEN
        assertThat(reply).startsWith("⏰ Reminder #");
        assertThat(f.reminders.active(anna.id())).singleElement()
                .satisfies(r -> assertThat(r.nextFireAt()).contains(Instant.parse(next)));
    }

    @Test
    void givenEmojiAndSqlLookingText_whenRemind_thenStoredAndListedVerbatim() {
        // GIVEN
        Learner anna = f.learner("anna", BERLIN);
        String text = "🚀 study'); DROP TABLE reminder; -- {0} 你好";
        // WHEN
        f.reminders.remind(anna, "tomorrow 19:00 " + text);
        // THEN
        assertThat(f.reminders.active(anna.id())).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo(text));
        assertThat(f.reminders.list(anna).text()).contains(text).contains("Tue 2026-05-05 19:00");
    }

    @Test
    void givenFiftyActiveReminders_whenAnotherIsSet_thenRefusedAndNothingCreated() {
        // GIVEN
        Learner anna = f.learner("anna", BERLIN);
        for (int i = 0; i < ReminderService.MAX_ACTIVE; i++) {
            f.reminders.remind(anna, "every day 09:00 r" + i);
        }
        // WHEN
        String reply = f.reminders.remind(anna, "every day 10:00 one too many").text();
        // THEN
        assertThat(reply).contains("50 active reminders");
        assertThat(f.count("select count(*) from reminder")).isEqualTo(50);
    }

    @Test
    void givenAReminder_whenCancelled_thenGoneFromTheListAndNeverSent() {
        // GIVEN
        Learner anna = f.learner("anna", BERLIN);
        f.reminders.remind(anna, "in 1h stretch");
        long id = f.reminders.active(anna.id()).get(0).id();
        // WHEN
        String reply = f.reminders.remind(anna, "cancel " + id).text();
        f.clock.advance(java.time.Duration.ofHours(2));
        f.sweepAndDrain();
        // THEN
        assertThat(reply).contains("cancelled");
        assertThat(f.reminders.remind(anna, "cancel 999999").text()).contains("no active reminder");
        assertThat(f.reminders.list(anna).text()).contains("no reminders");
        assertThat(f.sender.deliveries).isEmpty();
    }

    @Test
    void givenAChineseLearner_whenListing_thenChineseTextsAndLocalTimes() {
        // GIVEN
        Learner anna = f.learner("anna", ZoneId.of("Asia/Shanghai"));
        anna = f.learners.saveLang(anna.id(), studybuddy.i18n.Lang.ZH);
        // WHEN
        String created = f.reminders.remind(anna, "每周一 09:00 计划本周").text();
        String list = f.reminders.list(anna).text();
        // THEN
        assertThat(created).contains("已设置提醒");
        assertThat(list).contains("你的提醒").contains("2026-05-11 09:00").contains("Asia/Shanghai");
    }

    @Test
    void givenAPause_whenRecurringRemindersFall_thenSkippedAndOneTimeOnesWaitUntilResumeTime() {
        // GIVEN
        Learner anna = f.learner("anna", BERLIN);
        f.reminders.remind(anna, "every day 13:00 daily");
        f.reminders.remind(anna, "tomorrow 13:00 once");
        // WHEN paused for 2 days
        assertThat(f.reminders.pause(anna, "2").text()).contains("Paused until");
        f.runUntil(NOW.plus(java.time.Duration.ofDays(2)).plusSeconds(30));
        // THEN nothing during the pause; the one-time reminder arrives as the pause ends
        assertThat(f.sender.deliveries).extracting(RecordingSender.Delivery::text).containsExactly("⏰ Reminder: once");
        assertThat(f.reminders.pause(anna, "999").text()).contains("1 to 365");
    }

    @Test
    void givenAOneTimeReminderHeldByAPause_whenTheLearnerResumesEarly_thenItComesAtOnceNotAtTheOldPauseEnd() {
        // GIVEN a 30-day pause that holds tomorrow's one-time reminder
        Learner anna = f.learner("anna", BERLIN);
        f.reminders.remind(anna, "tomorrow 13:00 once");
        f.reminders.pause(anna, "30");
        f.runUntil(NOW.plus(java.time.Duration.ofDays(2)));
        assertThat(f.sender.deliveries).isEmpty();
        // WHEN they resume on day 2
        f.reminders.resume(anna);
        f.runUntil(NOW.plus(java.time.Duration.ofDays(2)).plusSeconds(30));
        // THEN the held reminder comes now, not on day 30
        assertThat(f.sender.deliveries).extracting(RecordingSender.Delivery::text).containsExactly("⏰ Reminder: once");
    }

    @Test
    void givenAOneTimeReminderHeldByAPause_whenThePauseIsShortened_thenItComesAtTheNewEnd() {
        // GIVEN a 30-day pause that holds tomorrow's one-time reminder
        Learner anna = f.learner("anna", BERLIN);
        f.reminders.remind(anna, "tomorrow 13:00 once");
        f.reminders.pause(anna, "30");
        f.runUntil(NOW.plus(java.time.Duration.ofDays(2)));
        // WHEN, on day 2, the pause is set to 1 more day
        f.reminders.pause(anna, "1");
        f.runUntil(NOW.plus(java.time.Duration.ofDays(4)));
        // THEN it came as the new pause ended (day 3)
        assertThat(f.sender.deliveries).singleElement().satisfies(d -> assertThat(d.at())
                .isBetween(NOW.plus(java.time.Duration.ofDays(3)), NOW.plus(java.time.Duration.ofDays(3)).plusSeconds(60)));
    }
}

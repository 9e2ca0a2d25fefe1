package studybuddy.reminders;

import studybuddy.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studybuddy.learner.Learner;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** Reminders in virtual time across the 2026 DST changes of Europe/Berlin and America/New_York. */
class ReminderDstTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Database db = TestDatabase.fresh(4);

    @AfterEach
    void close() {
        db.close();
    }

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static List<LocalDateTime> localTimesOf(Fixture f, String text, ZoneId zone) {
        return f.sender.deliveries.stream().filter(d -> d.text().equals("⏰ Reminder: " + text))
                .map(d -> LocalDateTime.ofInstant(d.at(), zone).withSecond(0).withNano(0)).toList();
    }

    @Test
    void givenBerlinWeeklyMonday0900_whenDstStartsOnMarch29_thenItArrivesAt0900LocalTheWeekBeforeAndAfter() {
        // GIVEN a learner in Berlin with a weekly Monday 09:00 reminder, set on 2026-03-20
        Fixture f = new Fixture(db, new MutableClock(at("2026-03-20T12:00", BERLIN)));
        Learner anna = f.learner("anna", BERLIN);
        assertThat(f.reminders.remind(anna, "every mon 09:00 plan the week").text()).contains("#");
        // WHEN two and a half weeks pass in virtual time
        f.runUntil(at("2026-04-07T12:00", BERLIN));
        // THEN it came at 09:00 local on the Mondays before and after the change (UTC+1, then UTC+2)
        assertThat(localTimesOf(f, "plan the week", BERLIN)).containsExactly(
                LocalDateTime.parse("2026-03-23T09:00"), LocalDateTime.parse("2026-03-30T09:00"),
                LocalDateTime.parse("2026-04-06T09:00"));
        assertThat(f.sender.deliveries.stream().filter(d -> d.text().contains("plan the week")).map(d -> d.at()))
                .contains(Instant.parse("2026-03-23T08:00:00Z"), Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void givenBerlinDaily0230_whenSpringForwardSkips0230_thenItArrivesOnceAt0300ThatDay() {
        // GIVEN a daily 02:30 reminder and a one-time one on 2026-03-29 02:30, a time that does not exist in Berlin
        Fixture f = new Fixture(db, new MutableClock(at("2026-03-27T12:00", BERLIN)));
        Learner anna = f.learner("anna", BERLIN);
        f.reminders.remind(anna, "every day 02:30 night owl");
        f.reminders.remind(anna, "2026-03-29 02:30 once in the gap");
        // WHEN the days pass
        f.runUntil(at("2026-03-31T12:00", BERLIN));
        // THEN on the spring-forward day each arrives once, at 03:00 (the first valid instant after the gap)
        assertThat(localTimesOf(f, "night owl", BERLIN)).containsExactly(
                LocalDateTime.parse("2026-03-28T02:30"), LocalDateTime.parse("2026-03-29T03:00"),
                LocalDateTime.parse("2026-03-30T02:30"), LocalDateTime.parse("2026-03-31T02:30"));
        assertThat(localTimesOf(f, "once in the gap", BERLIN)).containsExactly(LocalDateTime.parse("2026-03-29T03:00"));
    }

    @Test
    void givenNewYorkDaily0130_whenFallBackRepeats0130_thenItArrivesOnceAtTheEarlierOffset() {
        // GIVEN a daily 01:30 reminder in New York, where 01:30 happens twice on 2026-11-01
        Fixture f = new Fixture(db, new MutableClock(at("2026-10-30T12:00", NEW_YORK)));
        Learner bo = f.learner("bo", NEW_YORK);
        f.reminders.remind(bo, "every day 01:30 late study");
        // WHEN the days pass
        f.runUntil(at("2026-11-03T12:00", NEW_YORK));
        // THEN it arrives once per day, on the fall-back day at 01:30 EDT (the earlier offset)
        List<Instant> instants = f.sender.deliveries.stream().filter(d -> d.text().contains("late study"))
                .map(RecordingSender.Delivery::at).toList();
        assertThat(instants).containsExactly(Instant.parse("2026-10-31T05:30:00Z"), Instant.parse("2026-11-01T05:30:00Z"),
                Instant.parse("2026-11-02T06:30:00Z"), Instant.parse("2026-11-03T06:30:00Z"));
    }

    @Test
    void givenNewYorkWeeklyMonday0900_whenDstEndsOnNovember1_thenItArrivesAt0900LocalTheWeekBeforeAndAfter() {
        // GIVEN
        Fixture f = new Fixture(db, new MutableClock(at("2026-10-24T12:00", NEW_YORK)));
        Learner bo = f.learner("bo", NEW_YORK);
        f.reminders.remind(bo, "every monday 09:00 standup");
        // WHEN
        f.runUntil(at("2026-11-03T12:00", NEW_YORK));
        // THEN
        assertThat(localTimesOf(f, "standup", NEW_YORK)).containsExactly(
                LocalDateTime.parse("2026-10-26T09:00"), LocalDateTime.parse("2026-11-02T09:00"));
        assertThat(f.sender.deliveries.stream().filter(d -> d.text().contains("standup")).map(d -> d.at()))
                .containsExactly(Instant.parse("2026-10-26T13:00:00Z"), Instant.parse("2026-11-02T14:00:00Z"));
    }

    @Test
    void givenGapAndOverlapTimes_whenResolved_thenGapMovesToFirstValidInstantAndOverlapTakesEarlierOffset() {
        // GIVEN / WHEN
        ZonedDateTime gap = WallClock.resolve(java.time.LocalDate.of(2026, 3, 29), java.time.LocalTime.of(2, 30), BERLIN);
        ZonedDateTime overlap = WallClock.resolve(java.time.LocalDate.of(2026, 11, 1), java.time.LocalTime.of(1, 30), NEW_YORK);
        // THEN
        assertThat(gap.toLocalTime()).isEqualTo(java.time.LocalTime.of(3, 0));
        assertThat(overlap.getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
    }
}

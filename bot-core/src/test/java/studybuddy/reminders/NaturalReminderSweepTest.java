package studybuddy.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studybuddy.learner.Learner;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** Weekday sets and every-n-days reminders stored, listed and fired by the sweep, across DST, in virtual time. */
class NaturalReminderSweepTest {
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
    void givenWeekendAndEveryOtherDayAt0230_whenSpringForwardSkips0230_thenEachFiresOnceAt0300ThatSunday() {
        // GIVEN Thursday 2026-03-26 in Berlin; the clocks go forward on Sunday 2026-03-29 at 02:00
        Fixture f = new Fixture(db, new MutableClock(at("2026-03-26T12:00", BERLIN)));
        Learner anna = f.learner("anna", BERLIN);
        assertThat(f.reminders.remind(anna, "every weekend 2:30am night owl").text()).contains("every weekend day at 02:30");
        assertThat(f.reminders.remind(anna, "every other day at 02:30 alternate").text()).contains("every other day at 02:30");
        // WHEN ten days pass
        f.runUntil(at("2026-04-05T12:00", BERLIN));
        // THEN the gap's 02:30 becomes 03:00, nothing is dropped or doubled, and the interval keeps its days
        assertThat(localTimesOf(f, "night owl", BERLIN)).containsExactly(
                LocalDateTime.parse("2026-03-28T02:30"), LocalDateTime.parse("2026-03-29T03:00"),
                LocalDateTime.parse("2026-04-04T02:30"), LocalDateTime.parse("2026-04-05T02:30"));
        assertThat(localTimesOf(f, "alternate", BERLIN)).containsExactly(
                LocalDateTime.parse("2026-03-27T02:30"), LocalDateTime.parse("2026-03-29T03:00"),
                LocalDateTime.parse("2026-03-31T02:30"), LocalDateTime.parse("2026-04-02T02:30"),
                LocalDateTime.parse("2026-04-04T02:30"));
    }

    @Test
    void givenEveryWeekday9amInNewYork_whenDstEnds_thenItStaysAt0900LocalOnWeekdaysOnly() {
        // GIVEN Thursday 2026-10-29; New York falls back on Sunday 2026-11-01
        Fixture f = new Fixture(db, new MutableClock(at("2026-10-29T12:00", NEW_YORK)));
        Learner bo = f.learner("bo", NEW_YORK);
        f.reminders.remind(bo, "every weekday 9am standup");
        // WHEN
        f.runUntil(at("2026-11-03T12:00", NEW_YORK));
        // THEN Friday, Monday and Tuesday at 09:00 local: 13:00 UTC before the change, 14:00 UTC after
        assertThat(f.sender.deliveries.stream().filter(d -> d.text().contains("standup")).map(d -> d.at()))
                .containsExactly(Instant.parse("2026-10-30T13:00:00Z"), Instant.parse("2026-11-02T14:00:00Z"),
                        Instant.parse("2026-11-03T14:00:00Z"));
    }

    @Test
    void givenWednesdayAndFridayInChinese_whenListedAndMovedToAnotherZone_thenTheDaysAndTimeStay() {
        // GIVEN Wednesday 2026-05-06 10:00 in Berlin
        Fixture f = new Fixture(db, new MutableClock(at("2026-05-06T10:00", BERLIN)));
        Learner anna = f.learner("anna", BERLIN);
        f.reminders.remind(anna, "每周三和周五晚上8点 学习");
        // WHEN
        String list = f.reminders.list(anna).text();
        f.reminders.followZone(anna.id(), NEW_YORK);
        // THEN listed with both days; in New York still Wednesday and Friday at 20:00 local
        assertThat(list).contains("every Wednesday and Friday at 20:00").contains("Wed 2026-05-06 20:00");
        assertThat(f.reminders.active(anna.id())).singleElement().satisfies(r -> {
            assertThat(r.rule().days()).containsExactly(java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.FRIDAY);
            assertThat(r.nextFireAt()).contains(at("2026-05-06T20:00", NEW_YORK));
        });
    }

    @Test
    void givenAWeeklyReminderStoredBeforeWeekdaySets_whenSwept_thenItStillFiresOnItsDay() {
        // GIVEN a row as the earlier schema wrote it: weekly, day_of_week 1, no week_days
        Fixture f = new Fixture(db, new MutableClock(at("2026-05-06T10:00", BERLIN)));
        Learner anna = f.learner("anna", BERLIN);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into reminder (learner_id, body, kind, local_time, day_of_week, zone, next_fire_at, created_at)
                    values (?, 'old monday', 'weekly', '09:00', 1, 'Europe/Berlin', ?, now())""")) {
                ps.setLong(1, anna.id());
                ps.setTimestamp(2, Timestamp.from(at("2026-05-11T09:00", BERLIN)));
                return ps.executeUpdate();
            }
        });
        // WHEN two weeks pass
        f.runUntil(at("2026-05-19T12:00", BERLIN));
        // THEN
        assertThat(localTimesOf(f, "old monday", BERLIN)).containsExactly(
                LocalDateTime.parse("2026-05-11T09:00"), LocalDateTime.parse("2026-05-18T09:00"));
        assertThat(f.reminders.list(anna).text()).contains("every Monday at 09:00");
    }
}

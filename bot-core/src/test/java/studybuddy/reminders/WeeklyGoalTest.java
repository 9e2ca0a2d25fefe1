package studybuddy.reminders;

import studybuddy.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studybuddy.learner.Learner;
import studybuddy.learner.Mark;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** Weekly goals: planned at the learner's check-in time, carried over, adapted to pace, ticked by /done, nudged. */
class WeeklyGoalTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z"); // Monday 12:00 Berlin
    private static final Instant FIRST_PLAN = Instant.parse("2026-05-11T06:00:00Z"); // Monday 08:00 Berlin
    private static final Instant SECOND_PLAN = Instant.parse("2026-05-18T06:00:00Z");

    private final Database db = TestDatabase.fresh(4);
    private final Fixture f = new Fixture(db, new MutableClock(NOW));

    @AfterEach
    void close() {
        db.close();
    }

    private Learner anna() {
        return f.learner("anna", BERLIN, 10, DayOfWeek.MONDAY, LocalTime.of(8, 0));
    }

    private List<RecordingSender.Delivery> sent(String prefix) {
        return f.sender.deliveries.stream().filter(d -> d.text().startsWith(prefix)).toList();
    }

    @Test
    void givenAnOnboardedLearner_whenTheirCheckinTimeComes_thenTheWeeksGoalsAreSentWithDoneButtons() {
        // GIVEN
        Learner anna = anna();
        String firstTodo = f.progress.routeOf(anna).todo().get(0).id();
        // WHEN
        f.runUntil(FIRST_PLAN.plusSeconds(60));
        // THEN exactly one plan, at Monday 08:00 local, with the next unit of the route within 10 h
        assertThat(sent("📅")).singleElement().satisfies(d -> {
            assertThat(d.at()).isEqualTo(FIRST_PLAN);
            assertThat(d.text()).contains("week of Monday, May 11, 2026").contains(firstTodo).contains("of your 10 h");
        });
        List<WeeklyGoalService.WeekGoal> week = f.goals.currentWeek(anna.id());
        assertThat(week).extracting(WeeklyGoalService.WeekGoal::unitId).first().isEqualTo(firstTodo);
        assertThat(week.stream().mapToInt(WeeklyGoalService.WeekGoal::hours).sum()).isLessThanOrEqualTo(10);
        assertThat(f.goals.goalsView(anna).buttons()).first()
                .satisfies(b -> assertThat(b.action()).isEqualTo("/done unit=" + firstTodo));
    }

    @Test
    void givenAWeekWithNothingDone_whenTheNextWeekIsPlanned_thenTheGoalIsCarriedOverAndTheWeekIsLighter() {
        // GIVEN a first week in which nothing was done
        Learner anna = anna();
        f.runUntil(FIRST_PLAN.plusSeconds(60));
        String goal = f.goals.currentWeek(anna.id()).get(0).unitId();
        // WHEN the second week is planned
        f.runUntil(SECOND_PLAN.plusSeconds(60));
        // THEN the unfinished goal comes first, marked carried over, and fewer hours are planned
        List<WeeklyGoalService.WeekGoal> week = f.goals.currentWeek(anna.id());
        assertThat(week.get(0).unitId()).isEqualTo(goal);
        assertThat(week.get(0).carried()).isTrue();
        assertThat(week.stream().mapToInt(WeeklyGoalService.WeekGoal::hours).sum()).isEqualTo(5);
        assertThat(sent("📅")).last().satisfies(d -> assertThat(d.text()).contains("(carried over)")
                .contains("lighter week"));
    }

    @Test
    void givenEverythingFinishedEarly_whenTheNextWeekIsPlanned_thenMoreIsPlannedAndMoreOffered() {
        // GIVEN a first week whose goals were all done on Tuesday
        Learner anna = anna();
        f.runUntil(FIRST_PLAN.plusSeconds(60));
        f.clock.set(FIRST_PLAN.plus(Duration.ofDays(1)));
        for (WeeklyGoalService.WeekGoal g : f.goals.currentWeek(anna.id())) {
            f.progress.mark(f.reload(anna), g.unitId(), Mark.Status.DONE);
        }
        // WHEN
        f.runUntil(SECOND_PLAN.plusSeconds(60));
        // THEN
        List<WeeklyGoalService.WeekGoal> week = f.goals.currentWeek(anna.id());
        assertThat(week).noneMatch(WeeklyGoalService.WeekGoal::carried);
        assertThat(week.stream().mapToInt(WeeklyGoalService.WeekGoal::hours).sum()).isGreaterThan(10);
        assertThat(sent("📅")).last().satisfies(d -> assertThat(d.text()).contains("finished everything early"));
    }

    @Test
    void givenThisWeeksGoal_whenTheLearnerMarksItsUnitDone_thenTheGoalIsTickedInGoals() {
        // GIVEN
        Learner anna = anna();
        f.runUntil(FIRST_PLAN.plusSeconds(60));
        String goal = f.goals.currentWeek(anna.id()).get(0).unitId();
        // WHEN /done unit=<goal>
        f.progress.mark(f.reload(anna), goal, Mark.Status.DONE);
        // THEN
        assertThat(f.goals.currentWeek(anna.id()).get(0).doneAt()).isPresent();
        assertThat(f.goals.goalsView(f.reload(anna)).text()).contains("1 of 1 done").contains("✅");
    }

    @Test
    void givenNothingDoneByMidWeek_whenTheWeekGoesOn_thenOneGentleNudgeComes() {
        // GIVEN
        anna();
        // WHEN the whole week passes
        f.runUntil(SECOND_PLAN.minusSeconds(60));
        // THEN one nudge, mid-week
        assertThat(sent("👋")).singleElement().satisfies(d -> {
            assertThat(d.at()).isEqualTo(FIRST_PLAN.plus(WeeklyGoalService.NUDGE_AFTER));
            assertThat(d.text()).contains("/nudges off");
        });
    }

    @Test
    void givenSomethingDone_whenMidWeekComes_thenNoNudge() {
        Learner anna = anna();
        f.runUntil(FIRST_PLAN.plusSeconds(60));
        f.progress.mark(f.reload(anna), f.goals.currentWeek(anna.id()).get(0).unitId(), Mark.Status.DONE);
        f.runUntil(SECOND_PLAN.minusSeconds(60));
        assertThat(sent("👋")).isEmpty();
    }

    @Test
    void givenNudgesTurnedOff_whenMidWeekComes_thenNoNudge() {
        // GIVEN
        Learner anna = anna();
        assertThat(f.goals.nudges(anna, "off", f.reminders).text()).contains("off");
        // WHEN
        f.runUntil(SECOND_PLAN.minusSeconds(60));
        // THEN
        assertThat(sent("📅")).hasSize(1);
        assertThat(sent("👋")).isEmpty();
        assertThat(f.goals.nudges(anna, "", f.reminders).text()).contains("Mid-week nudges are off");
    }

    @Test
    void givenQuietHoursSetBeforeOnboarding_whenOnboarded_thenTheFirstWeekIsStillPlannedAtTheNextSweep() {
        // GIVEN a newcomer who set quiet hours before finishing onboarding (that made their schedule row)
        Learner newcomer = f.learners.findOrCreate(studybuddy.command.Caller.direct("telegram", "bo", "bo",
                studybuddy.i18n.Lang.EN));
        f.reminders.quiet(newcomer, "22:00-07:00");
        f.learner("bo", BERLIN, 10, DayOfWeek.MONDAY, LocalTime.of(8, 0));
        // WHEN onboarding completes and the next sweep runs (Monday 12:00, a week before their check-in day)
        f.goals.planFirstWeekNow(newcomer.id());
        f.sweepAndDrain();
        // THEN the first week's goals came now, not next Monday
        assertThat(sent("📅")).singleElement().satisfies(d -> assertThat(d.at()).isEqualTo(NOW));
        // and the week after follows their rule
        f.runUntil(FIRST_PLAN.plusSeconds(60));
        assertThat(sent("📅")).hasSize(2).last().satisfies(d -> assertThat(d.at()).isEqualTo(FIRST_PLAN));
    }

    @Test
    void givenLearnerPlannedJustAfterLocalMidnight_whenFirstWeekPlanned_thenTheWeekStartsOnTheirWeekStartDay() {
        // GIVEN a learner whose week starts on Monday, onboarded on Tuesday 00:30 in Berlin (Monday 22:30 UTC)
        f.clock.set(Instant.parse("2026-12-01T23:30:00Z").minus(Duration.ofHours(24)));
        Learner late = f.learner("late", BERLIN, 10, DayOfWeek.MONDAY, LocalTime.of(8, 0));
        // WHEN the first week is planned now
        f.goals.planFirstWeekNow(late.id());
        f.sweepAndDrain();
        // THEN the week is the one that began on Monday 2026-11-30, not "week of" a Tuesday
        assertThat(sent("📅")).singleElement().satisfies(d -> assertThat(d.text())
                .contains("week of Monday, November 30, 2026").doesNotContain("2026-12-01"));
        assertThat(f.goals.currentWeek(late.id())).first()
                .satisfies(g -> assertThat(g.weekStart()).isEqualTo(java.time.LocalDate.of(2026, 11, 30)));
    }
}

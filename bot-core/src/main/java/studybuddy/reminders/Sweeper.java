package studybuddy.reminders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.groups.CheckinService;

/**
 * One round of the periodic work: plan weeks and nudges, fire due reminders, open/nudge/close group check-ins.
 * Quartz calls it. It only writes the outbox; {@link OutboxWorker} sends it on its own thread, so a long fan-out
 * never holds back the next round.
 */
public final class Sweeper implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final WeeklyGoalService goals;
    private final ReminderService reminders;
    private final CheckinService checkins;
    private final Runnable reviews;

    public Sweeper(WeeklyGoalService goals, ReminderService reminders, CheckinService checkins) {
        this(goals, reminders, checkins, null);
    }

    /** With the spaced-review sweep (a plain Runnable: the review package depends on this one, not back). */
    public Sweeper(WeeklyGoalService goals, ReminderService reminders, CheckinService checkins, Runnable reviews) {
        this.goals = goals;
        this.reminders = reminders;
        this.checkins = checkins;
        this.reviews = reviews;
    }

    @Override
    public void run() {
        // each step on its own: a failing planner must not hold back reminders or check-ins
        step("Weekly goal sweep", goals::sweep);
        step("Reminder sweep", reminders::sweep);
        step("Group check-in sweep", checkins::sweep);
        if (reviews != null) {
            step("Review sweep", reviews);
        }
    }

    private static void step(String name, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("{} failed, retried next round: {}", name, e.toString(), e);
        }
    }
}

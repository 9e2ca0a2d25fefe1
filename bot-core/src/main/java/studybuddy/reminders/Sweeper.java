package studybuddy.reminders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.groups.CheckinService;

/**
 * One round of the periodic work: plan weeks and nudges, fire due reminders, open/nudge/close group check-ins,
 * send the outbox. Quartz calls it.
 */
public final class Sweeper implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final WeeklyGoalService goals;
    private final ReminderService reminders;
    private final CheckinService checkins;
    private final OutboxSender sender;

    public Sweeper(WeeklyGoalService goals, ReminderService reminders, CheckinService checkins, OutboxSender sender) {
        this.goals = goals;
        this.reminders = reminders;
        this.checkins = checkins;
        this.sender = sender;
    }

    @Override
    public void run() {
        // each step on its own: a failing planner must not hold back reminders or the outbox
        try {
            goals.sweep();
        } catch (RuntimeException e) {
            log.error("Weekly goal sweep failed, retried next round: {}", e.toString(), e);
        }
        try {
            reminders.sweep();
        } catch (RuntimeException e) {
            log.error("Reminder sweep failed, retried next round: {}", e.toString(), e);
        }
        try {
            checkins.sweep();
        } catch (RuntimeException e) {
            log.error("Group check-in sweep failed, retried next round: {}", e.toString(), e);
        }
        try {
            sender.drain();
        } catch (RuntimeException e) {
            log.error("Outbox drain failed, retried next round: {}", e.toString(), e);
        }
    }
}

package studybuddy.reminders;

import studybuddy.testing.MutableClock;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import studybuddy.command.Caller;
import studybuddy.i18n.Lang;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerSettings;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.learner.PostgresProgressRepository;
import studybuddy.learner.ProgressService;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.RoadmapLoader;
import studybuddy.storage.Database;

/** One bot instance's reminder parts on a test database, in virtual time. */
final class Fixture {
    static final Roadmap ROADMAP = RoadmapLoader.loadDefault();

    final Database db;
    final MutableClock clock;
    final PostgresLearnerRepository learners;
    final ProgressService progress;
    final ReminderService reminders;
    final WeeklyGoalService goals;
    final RecordingSender sender;
    final OutboxSender outbox;

    Fixture(Database db, MutableClock clock) {
        this(db, clock, new RecordingSender("telegram", clock), 1000, 100);
    }

    Fixture(Database db, MutableClock clock, RecordingSender sender, int sweepBatch, int sendBatch) {
        this.db = db;
        this.clock = clock;
        this.learners = new PostgresLearnerRepository(db);
        this.progress = new ProgressService(ROADMAP, new PostgresProgressRepository(db), clock);
        this.reminders = new ReminderService(db, learners, clock, sweepBatch);
        this.goals = new WeeklyGoalService(db, ROADMAP, clock);
        this.progress.addMarkListener(goals::unitMarked);
        this.sender = sender;
        this.outbox = new OutboxSender(db, Map.of("telegram", sender)::get, learners, clock, sendBatch);
    }

    Learner learner(String user, ZoneId zone, int weeklyHours, DayOfWeek day, LocalTime time) {
        Learner l = learners.findOrCreate(Caller.direct("telegram", user, user, Lang.EN));
        return learners.saveSettings(l.id(), new LearnerSettings(Background.DEVELOPER, LearningPath.SOFTWARE,
                weeklyHours, zone, Lang.EN, day, time), clock.instant());
    }

    Learner learner(String user, ZoneId zone) {
        return learner(user, zone, 10, DayOfWeek.MONDAY, LocalTime.of(8, 0));
    }

    Learner reload(Learner l) {
        return learners.find(l.id()).orElseThrow();
    }

    void sweepAndDrain() {
        goals.sweep();
        reminders.sweep();
        outbox.drain();
    }

    /** Runs the bot in virtual time until {@code end}, jumping from one due time to the next. */
    void runUntil(Instant end) {
        goals.sweep(); // schedules new learners' weekly plans
        while (true) {
            Instant next = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        select min(t) from (
                          select min(next_fire_at) t from reminder r join learner l on l.id = r.learner_id
                           where active and l.reachable
                          union all select min(greatest(next_attempt_at, lease_until)) from outbox where status = 'pending'
                          union all select min(next_plan_at) from learner_schedule s join learner l on l.id = s.learner_id
                           where l.reachable
                          union all select min(nudge_at) from learner_schedule s join learner l on l.id = s.learner_id
                           where nudges and l.reachable) x""");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }
            });
            if (next == null || next.isAfter(end)) {
                clock.set(end);
                sweepAndDrain();
                return;
            }
            if (next.isAfter(clock.instant())) {
                clock.set(next);
            } else {
                clock.advance(java.time.Duration.ofSeconds(1)); // something waits (a lease): let time pass
            }
            sweepAndDrain();
        }
    }

    int count(String sql) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}

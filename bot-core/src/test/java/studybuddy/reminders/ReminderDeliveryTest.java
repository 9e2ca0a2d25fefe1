package studybuddy.reminders;

import studybuddy.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studybuddy.learner.Learner;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** Exactly-once delivery with several instances, a stop in the middle, a crash; and the platform's answers. */
class ReminderDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final Database db = TestDatabase.fresh(10);
    private final List<Database> others = new ArrayList<>();

    @AfterEach
    void close() {
        others.forEach(Database::close);
        db.close();
    }

    /** A second pool on the same database, as a second bot instance would have. */
    private Database secondPool() {
        HikariDataSource ds = (HikariDataSource) db.dataSource();
        Database other = Database.connect(ds.getJdbcUrl(), ds.getUsername(), ds.getPassword(), 10, null);
        others.add(other);
        return other;
    }

    /** {@code learners} learners with {@code each} one-time reminders "r-&lt;n&gt;", all due a minute ago. */
    private static void dueReminders(Fixture f, int learners, int each) {
        for (int i = 0; i < learners; i++) {
            Learner l = f.learner("u" + i, ZONE);
            int base = i * each;
            f.db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into reminder (learner_id, body, kind, zone, next_fire_at, created_at)
                        values (?, ?, 'once', 'Europe/Berlin', ?, ?)""")) {
                    for (int j = 0; j < each; j++) {
                        ps.setLong(1, l.id());
                        ps.setString(2, "r-" + (base + j));
                        ps.setTimestamp(3, Timestamp.from(NOW.minusSeconds(60)));
                        ps.setTimestamp(4, Timestamp.from(NOW.minusSeconds(3600)));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        }
    }

    private static void assertEachDeliveredOnce(RecordingSender sender, int total) {
        assertThat(sender.counts).hasSize(total);
        assertThat(sender.counts.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(sender.deliveries).hasSize(total);
    }

    @Test
    void givenTwoInstancesOnOneDatabase_when1000RemindersAreDue_thenEachIsDeliveredExactlyOnce() throws Exception {
        // GIVEN two instances, each with its own pool, sharing one recording platform
        MutableClock clock = new MutableClock(NOW);
        RecordingSender platform = new RecordingSender("telegram", clock);
        Fixture a = new Fixture(db, clock, platform, 50, 20);
        Fixture b = new Fixture(secondPool(), clock, platform, 50, 20);
        dueReminders(a, 40, 25);
        // WHEN both sweep and send at the same time
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (Fixture f : List.of(a, b)) {
            runs.add(pool.submit(() -> {
                for (int round = 0; round < 20; round++) {
                    f.reminders.sweep();
                    f.outbox.drain();
                }
            }));
        }
        for (Future<?> r : runs) {
            r.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        // THEN every reminder arrived once, and the outbox holds exactly one sent row for each
        assertEachDeliveredOnce(platform, 1000);
        assertThat(a.count("select count(*) from outbox where status = 'sent'")).isEqualTo(1000);
        assertThat(a.count("select count(*) from reminder where active")).isZero();
    }

    @Test
    void givenAFanOutInProgress_whenTheSenderStopsAndANewInstanceStarts_thenEveryDueReminderIsDeliveredOnce() {
        // GIVEN 1000 due reminders in the outbox of instance A
        MutableClock clock = new MutableClock(NOW);
        RecordingSender platform = new RecordingSender("telegram", clock);
        Fixture a = new Fixture(db, clock, platform, 1000, 100);
        dueReminders(a, 20, 50);
        a.reminders.sweep();
        AtomicInteger sent = new AtomicInteger();
        platform.answer = m -> {
            if (sent.incrementAndGet() == 333) {
                a.outbox.stop(); // the scheduler is stopped in the middle of the fan-out
            }
            return new SendResult.Sent("ok");
        };
        // WHEN A stops and a new instance B starts on the same database
        a.outbox.drain();
        int beforeRestart = platform.deliveries.size();
        Fixture b = new Fixture(secondPool(), clock, platform, 1000, 100);
        b.reminders.sweep();
        b.outbox.drain();
        // THEN A had sent part of them and B sent the rest at once (A handed its claim back), each once
        assertThat(beforeRestart).isEqualTo(333);
        assertEachDeliveredOnce(platform, 1000);
    }

    @Test
    void givenAnInstanceThatCrashesMidFanOut_whenAnotherTakesOverAfterTheLease_thenEveryDueReminderIsDeliveredOnce() {
        // GIVEN
        MutableClock clock = new MutableClock(NOW);
        RecordingSender platform = new RecordingSender("telegram", clock);
        Fixture a = new Fixture(db, clock, platform, 1000, 100);
        dueReminders(a, 10, 50);
        a.reminders.sweep();
        AtomicInteger calls = new AtomicInteger();
        platform.answer = m -> {
            if (calls.incrementAndGet() == 150) {
                throw new Error("power cut"); // the process dies holding a claim on 100 rows
            }
            return new SendResult.Sent("ok");
        };
        assertThatThrownBy(a.outbox::drain).hasMessage("power cut");
        platform.answer = m -> new SendResult.Sent("ok");
        // WHEN a new instance drains at once, and again after the dead instance's lease ran out
        Fixture b = new Fixture(secondPool(), clock, platform, 1000, 100);
        b.outbox.drain();
        int beforeLease = platform.deliveries.size();
        clock.advance(OutboxSender.LEASE.plusSeconds(1));
        b.outbox.drain();
        // THEN nothing claimed by the dead instance was sent twice, and nothing was lost
        assertThat(beforeLease).isEqualTo(500 - 51);
        assertEachDeliveredOnce(platform, 500);
    }

    @Test
    void givenTheBotWasDownForHours_whenItSweeps_thenRecentRemindersAreSentAndOlderOnesFoldedIntoOneMessage() {
        // GIVEN reminders due 3 h, 2 h and 20 min ago for one learner
        MutableClock clock = new MutableClock(NOW.minus(Duration.ofHours(4)));
        Fixture f = new Fixture(db, clock);
        Learner anna = f.learner("anna", ZONE);
        f.reminders.remind(anna, "in 1h stretch");
        f.reminders.remind(anna, "in 2h drink water");
        f.reminders.remind(anna, "in 220m read chapter 3");
        // WHEN the bot comes back
        clock.set(NOW);
        f.sweepAndDrain();
        // THEN one "while I was offline" message with the two old ones, and the recent one on its own
        assertThat(f.sender.deliveries).hasSize(2);
        assertThat(f.sender.deliveries).anySatisfy(d -> assertThat(d.text()).startsWith("While I was offline")
                .contains("stretch").contains("drink water").doesNotContain("chapter 3"));
        assertThat(f.sender.deliveries).anySatisfy(d -> assertThat(d.text()).isEqualTo("⏰ Reminder: read chapter 3"));
    }

    @Test
    void givenTheLearnerBlockedTheBot_whenAReminderIsSent_thenTheyAreMarkedUnreachableAndListSaysSo() {
        // GIVEN
        MutableClock clock = new MutableClock(NOW);
        Fixture f = new Fixture(db, clock);
        Learner anna = f.learner("anna", ZONE);
        f.reminders.remind(anna, "every day 12:00 practise");
        f.sender.answer = m -> new SendResult.Unreachable("Forbidden: bot was blocked by the user");
        // WHEN
        f.runUntil(NOW.plus(Duration.ofDays(3)));
        // THEN one try only, the learner is unreachable, and /reminders shows it
        assertThat(f.count("select count(*) from outbox")).isEqualTo(1);
        Learner now = f.reload(anna);
        assertThat(now.reachable()).isFalse();
        assertThat(f.reminders.list(now).text()).contains("cannot reach you").contains("blocked");
        // and the daily reminder moved on past the days nobody could receive it, instead of piling up as due
        assertThat(f.reminders.active(anna.id())).singleElement().satisfies(r ->
                assertThat(r.nextFireAt().orElseThrow()).isAfter(clock.instant()));
        // and /resume makes them reachable again
        f.reminders.resume(now);
        assertThat(f.reload(anna).reachable()).isTrue();
    }

    @Test
    void givenThePlatformSaysRetryAfterThenFails_whenDraining_thenTheRowIsDeferredAndBackedOffNotDropped() {
        // GIVEN
        MutableClock clock = new MutableClock(NOW);
        Fixture f = new Fixture(db, clock);
        Learner anna = f.learner("anna", ZONE);
        f.reminders.remind(anna, "in 5m hello");
        clock.advance(Duration.ofMinutes(5));
        List<SendResult> script = new ArrayList<>(List.of(new SendResult.RetryAfter(Duration.ofSeconds(30)),
                new SendResult.Failed("502 Bad Gateway"), new SendResult.Sent("1")));
        f.sender.answer = m -> script.remove(0);
        // WHEN
        f.sweepAndDrain();
        Instant firstRetry = f.db.inTransaction(c -> {
            var rs = c.createStatement().executeQuery("select next_attempt_at from outbox");
            rs.next();
            return rs.getTimestamp(1).toInstant();
        });
        clock.advance(Duration.ofSeconds(30));
        f.outbox.drain();
        f.outbox.drain();
        int beforeBackoff = f.sender.deliveries.size();
        clock.advance(OutboxSender.backoff(0));
        f.outbox.drain();
        // THEN
        assertThat(firstRetry).isEqualTo(NOW.plus(Duration.ofMinutes(5)).plusSeconds(30));
        assertThat(beforeBackoff).isZero();
        assertThat(f.sender.deliveries).hasSize(1);
    }

    @Test
    void givenQuietHours_whenAReminderIsDueInside_thenItIsDelayedToTheEndNotDropped() {
        // GIVEN quiet hours 22:00-08:00 in Berlin and a reminder at 23:00
        MutableClock clock = new MutableClock(Instant.parse("2026-05-04T18:00:00Z")); // 20:00 Berlin
        Fixture f = new Fixture(db, clock);
        Learner anna = f.learner("anna", ZONE);
        f.reminders.quiet(anna, "22:00-08:00");
        f.reminders.remind(anna, "today 23:00 sleep");
        // WHEN the night passes
        f.runUntil(Instant.parse("2026-05-05T10:00:00Z"));
        // THEN it came at 08:00 local
        assertThat(f.sender.deliveries).singleElement()
                .satisfies(d -> assertThat(d.at()).isEqualTo(Instant.parse("2026-05-05T06:00:00Z")));
    }

    @Test
    void givenASendSlowerThanTheLease_whenAnotherSenderTakesTheRowsOver_thenTheSlowOneDoesNotSendThemAgain() {
        // GIVEN 10 due messages claimed by sender A, whose first send hangs longer than the lease
        MutableClock clock = new MutableClock(NOW);
        RecordingSender platformA = new RecordingSender("telegram", clock);
        RecordingSender platformB = new RecordingSender("telegram", clock);
        Fixture a = new Fixture(db, clock, platformA, 1000, 100);
        Fixture b = new Fixture(secondPool(), clock, platformB, 1000, 100);
        dueReminders(a, 10, 1);
        a.reminders.sweep();
        AtomicInteger calls = new AtomicInteger();
        platformA.answer = m -> {
            if (calls.incrementAndGet() == 1) {
                // WHEN, while A hangs, A's lease runs out and B (another instance) drains everything
                clock.advance(OutboxSender.LEASE.plusMinutes(1));
                b.outbox.drain();
                return new SendResult.RetryAfter(Duration.ofSeconds(1));
            }
            return new SendResult.Sent("ok");
        };
        a.outbox.drain();
        // THEN A, its lease gone, sent none of the rows B had taken over: each arrived once
        assertThat(platformB.deliveries).hasSize(10);
        assertThat(platformA.deliveries).isEmpty();
    }
}

package studybuddy.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** The outbox sent on its own: retry_after to the second, what a person waits for first, a frozen sender. */
class OutboxWorkerTest {
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private Database db;
    private final List<Database> extra = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(6);
    }

    @AfterEach
    void tearDown() {
        extra.forEach(Database::close);
        db.close();
    }

    private void enqueue(int n, String kind, String prefix) {
        db.inTransaction(c -> {
            List<OutboxMessage> messages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                messages.add(new OutboxMessage(null, "telegram", prefix + i, true, kind, prefix + ":" + i,
                        prefix + " " + i, List.of(), null));
            }
            try {
                Outbox.enqueue(c, messages, NOW);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    @Test
    @DisplayName("given a 429 with retry_after 3 s, when the worker runs in virtual time, then the message goes out 3 s later")
    void retryAfterIsHonouredToTheSecond() {
        // GIVEN
        MutableClock clock = new MutableClock(NOW);
        RecordingSender platform = new RecordingSender("telegram", clock);
        AtomicInteger calls = new AtomicInteger();
        platform.answer = m -> calls.incrementAndGet() == 1 ? new SendResult.RetryAfter(Duration.ofSeconds(3))
                : new SendResult.Sent("ok");
        OutboxSender sender = new OutboxSender(db, Map.of("telegram", platform)::get, null, clock, 100);
        OutboxWorker worker = new OutboxWorker(sender);
        enqueue(1, "reminder", "r");
        // WHEN the worker runs, waiting what it asks between rounds
        for (int round = 0; round < 20 && platform.deliveries.isEmpty(); round++) {
            clock.advance(worker.step());
        }
        // THEN
        assertThat(platform.deliveries).singleElement()
                .satisfies(d -> assertThat(d.at()).isEqualTo(NOW.plusSeconds(3)));
    }

    @Test
    @DisplayName("given a weekly fan-out queued, when a reminder comes due, then it is claimed before the fan-out")
    void reminderGoesBeforeTheFanOut() {
        // GIVEN 1200 weekly goals queued first, then one reminder
        enqueue(1200, "goals", "g");
        enqueue(1, "reminder", "r");
        // WHEN
        List<Outbox.Claimed> first = new Outbox(db).claim(30, NOW, NOW.plusSeconds(10), java.util.UUID.randomUUID().toString(), null);
        // THEN it is in the first batch (sent within a second at 30 msg/s), not behind 1200 others
        assertThat(first).hasSize(30).anySatisfy(m -> assertThat(m.kind()).isEqualTo("reminder"));
    }

    @Test
    @DisplayName("given two instances and the sending one frozen mid-send, then the other takes over within seconds and each message goes once (but the one in flight)")
    void frozenSenderIsTakenOver() throws Exception {
        // GIVEN 40 due messages; instance A freezes in its 5th send
        MutableClock clock = new MutableClock(NOW);
        RecordingSender platformA = new RecordingSender("telegram", clock);
        RecordingSender platformB = new RecordingSender("telegram", clock);
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch thaw = new CountDownLatch(1);
        AtomicInteger callsA = new AtomicInteger();
        platformA.answer = m -> {
            if (callsA.incrementAndGet() == 5) {
                frozen.countDown();
                await(thaw); // SIGSTOP: the process holds its leases and does nothing
            }
            return new SendResult.Sent("ok");
        };
        com.zaxxer.hikari.HikariDataSource ds = (com.zaxxer.hikari.HikariDataSource) db.dataSource();
        Database second = Database.connect(ds.getJdbcUrl(), ds.getUsername(), ds.getPassword(), 6, null);
        extra.add(second);
        OutboxWorker a = new OutboxWorker(new OutboxSender(db, Map.of("telegram", platformA)::get, null, clock, 20));
        OutboxWorker b = new OutboxWorker(new OutboxSender(second, Map.of("telegram", platformB)::get, null, clock, 20));
        enqueue(40, "reminder", "m");
        Thread runA = new Thread(a::step);
        runA.start();
        assertThat(frozen.await(10, TimeUnit.SECONDS)).isTrue();
        // WHEN B tries while A holds the sender lease, then as time passes
        b.step();
        int beforeLease = platformB.deliveries.size();
        Duration waited = Duration.ZERO;
        while (platformB.deliveries.size() + platformA.deliveries.size() < 40 && waited.toSeconds() < 60) {
            clock.advance(Duration.ofSeconds(1));
            waited = waited.plusSeconds(1);
            b.step();
        }
        // ... and A wakes up
        thaw.countDown();
        runA.join(10_000);
        // THEN B sent nothing while A held the lease, took everything over within the two leases, and every
        // message arrived once, except at most the one A had in flight when it froze
        assertThat(beforeLease).isZero();
        assertThat(waited).isLessThanOrEqualTo(OutboxWorker.SENDER_LEASE.plus(OutboxSender.LEASE).plusSeconds(2));
        List<String> all = new ArrayList<>();
        platformA.deliveries.forEach(d -> all.add(d.text()));
        platformB.deliveries.forEach(d -> all.add(d.text()));
        assertThat(all.stream().distinct().count()).isEqualTo(40);
        assertThat(all.size()).isLessThanOrEqualTo(41);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

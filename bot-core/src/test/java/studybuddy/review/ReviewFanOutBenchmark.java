package studybuddy.review;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.PacedSender;
import studybuddy.platform.SendResult;
import studybuddy.reminders.OutboxSender;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.RoadmapLoader;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/**
 * Benchmark (not a test), the review counterpart of {@code studybuddy.reminders.FanOutBenchmark}: on PostgreSQL,
 * 100 000 learners whose review time is this minute, each with a unit due, swept in one go (claimed with
 * {@code FOR UPDATE SKIP LOCKED}, questions written to the outbox), then fanned out through {@link PacedSender} to a
 * fake platform that allows 1 000 msgs/s and answers 429 beyond. Prints the sweep time and rate, the send rate as a
 * share of the limit, the 429s, the duplicates and the peak heap; the budget is the weekly-goal fan-out's (100 000
 * planned in about 24 s, sent at 95 %+ of the limit, no duplicates, about 240 MB of heap).
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -q -B -pl bot-core -am test-compile
 * mvn -q -B -pl bot-core dependency:build-classpath -Dmdep.outputFile=cp.txt
 * cd bot-core && java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) studybuddy.review.ReviewFanOutBenchmark [learners]
 * </pre>
 */
public final class ReviewFanOutBenchmark {
    private static final double LIMIT_PER_SECOND = 1000;

    /** A platform that accepts 1 000 msgs/s (small burst) and says 429 beyond, counting deliveries per chat. */
    static final class LimitedPlatform implements MessageSender {
        final Map<String, AtomicInteger> perChat = new ConcurrentHashMap<>();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong tooMany = new AtomicLong();
        final AtomicLong quizzes = new AtomicLong();
        private final int burst = 20;
        private double tokens = burst;
        private long last = System.nanoTime();

        @Override
        public String platform() {
            return "telegram";
        }

        @Override
        public synchronized SendResult send(OutgoingMessage message) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * LIMIT_PER_SECOND);
            last = now;
            if (tokens < 1) {
                tooMany.incrementAndGet();
                return new SendResult.RetryAfter(Duration.ofMillis(1 + (long) ((1 - tokens) / LIMIT_PER_SECOND * 1000)));
            }
            tokens -= 1;
            accepted.incrementAndGet();
            if (message.poll() != null) {
                quizzes.incrementAndGet();
            }
            perChat.computeIfAbsent(message.chatId(), k -> new AtomicInteger()).incrementAndGet();
            return new SendResult.Sent(null);
        }
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                    }
                }
                peakHeap.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Clock clock = Clock.systemUTC();
        Roadmap roadmap = RoadmapLoader.loadDefault();
        try (Database db = TestDatabase.fresh(10)) {
            long t0 = System.nanoTime();
            seed(db, learners, clock.instant(), roadmap);
            System.out.printf("seeded %,d learners with a review due this minute in %.1f s%n", learners,
                    (System.nanoTime() - t0) / 1e9);

            ReviewService reviews = new ReviewService(db, roadmap, QuestionBank.loadDefault(roadmap), clock, 2000);
            long p0 = System.nanoTime();
            int queued = reviews.sweep();
            double sweeping = (System.nanoTime() - p0) / 1e9;
            System.out.printf("review sweep: %,d questions queued in %.1f s (%,.0f learners/s)%n", queued, sweeping,
                    queued / sweeping);
            long next = count(db, "select count(*) from review_schedule where next_run_at > now()");
            System.out.printf("next runs moved on: %,d of %,d learners%n", next, learners);

            LimitedPlatform platform = new LimitedPlatform();
            PacedSender paced = new PacedSender(platform, new PacedSender.Limits(LIMIT_PER_SECOND, 10,
                    Duration.ofSeconds(1), Duration.ofSeconds(3)), clock,
                    d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000), Duration.ofSeconds(2));
            OutboxSender sender = new OutboxSender(db, Map.<String, MessageSender>of("telegram", paced)::get,
                    new PostgresLearnerRepository(db), clock, 500);
            long s0 = System.nanoTime();
            while (platform.accepted.get() < queued) {
                OutboxSender.Stats st = sender.drain();
                if (st.sent() == 0 && st.deferred() == 0) {
                    Thread.sleep(5); // only deferred rows left: wait for their next_attempt_at
                }
            }
            double sending = (System.nanoTime() - s0) / 1e9;
            double rate = platform.accepted.get() / sending;
            long duplicates = platform.perChat.values().stream().mapToLong(n -> Math.max(0, n.get() - 1)).sum();
            System.out.printf("fan-out: %,d quizzes in %.1f s = %,.0f msgs/s = %.1f %% of the %,.0f msgs/s limit%n",
                    platform.quizzes.get(), sending, rate, 100 * rate / LIMIT_PER_SECOND, LIMIT_PER_SECOND);
            System.out.printf("429s: %,d (paced sender saw %,d)   duplicates: %,d   chats reached: %,d%n",
                    platform.tooMany.get(), paced.rateLimitedCount(), duplicates, platform.perChat.size());
            System.out.printf("peak heap: %,d MB (max %,d MB)%n", peakHeap.get() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        sampler.interrupt();
        System.exit(0);
    }

    private static long count(Database db, String sql) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void seed(Database db, int learners, Instant now, Roadmap roadmap) {
        String[] zones = {"Europe/Berlin", "America/New_York", "Asia/Shanghai", "Asia/Kolkata", "UTC"};
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into learner (platform, user_id, chat_id, display_name, lang, background, path, weekly_hours,
                                         timezone, checkin_day, checkin_time, onboarded_at)
                    values ('telegram', ?, ?, ?, ?, 'developer', 'software', ?, ?, 1, '09:00', ?)""")) {
                for (int i = 0; i < learners; i++) {
                    ps.setString(1, "u" + i);
                    ps.setString(2, "c" + i);
                    ps.setString(3, "Learner " + i);
                    ps.setString(4, i % 3 == 0 ? "zh" : "en");
                    ps.setInt(5, 3 + i % 15);
                    ps.setString(6, zones[i % zones.length]);
                    ps.setTimestamp(7, Timestamp.from(now.minus(Duration.ofDays(30))));
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            // one finished unit each, due a day ago wherever they live, and the review time this minute
            String[] units = roadmap.units().stream().map(u -> u.id()).toArray(String[]::new);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into review_item (learner_id, unit_id, due_on, interval_days, created_at)
                    select id, (?::text[])[1 + id % ?], ?, 2, ? from learner""")) {
                ps.setArray(1, c.createArrayOf("text", units));
                ps.setInt(2, units.length);
                ps.setObject(3, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));
                ps.setTimestamp(4, Timestamp.from(now.minus(Duration.ofDays(3))));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into review_schedule (learner_id, next_run_at) select id, ? from learner")) {
                ps.setTimestamp(1, Timestamp.from(now.minusSeconds(30)));
                return ps.executeUpdate();
            }
        });
    }
}

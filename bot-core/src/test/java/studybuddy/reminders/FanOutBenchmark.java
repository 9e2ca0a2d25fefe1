package studybuddy.reminders;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.PacedSender;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/**
 * Benchmark (not a test): on PostgreSQL, plans the weekly goals of 100 000 learners all due in the same minute,
 * then fans the messages out through {@link PacedSender} to a fake platform that allows 1 000 msgs/s and answers
 * 429 beyond that. Prints the planning time, the achieved send rate as a share of the limit, the 429s, the
 * duplicates and the peak heap.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -q -B -pl bot-core test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * cd bot-core && java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) studybuddy.reminders.FanOutBenchmark [learners]
 * </pre>
 */
public final class FanOutBenchmark {
    private static final double LIMIT_PER_SECOND = 1000;

    /** A platform that accepts 1 000 msgs/s (small burst) and says 429 beyond, counting deliveries per chat. */
    static final class LimitedPlatform implements MessageSender {
        final Map<String, AtomicInteger> perChat = new ConcurrentHashMap<>();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong tooMany = new AtomicLong();
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
        try (Database db = TestDatabase.fresh(10)) {
            long t0 = System.nanoTime();
            seed(db, learners, clock.instant());
            System.out.printf("seeded %,d learners due this minute in %.1f s%n", learners, (System.nanoTime() - t0) / 1e9);

            WeeklyGoalService goals = new WeeklyGoalService(db, Fixture.ROADMAP, clock, 2000);
            if (Boolean.getBoolean("portfolio")) {
                // as BotCore wires it: each plan names the next milestone of the learner's projects
                goals.addPlanSection(new studybuddy.portfolio.PortfolioSections(
                        new studybuddy.portfolio.Portfolio(db), Fixture.ROADMAP)::plan);
                System.out.println("with the portfolio's plan section (-Dportfolio=true)");
            }
            long p0 = System.nanoTime();
            WeeklyGoalService.Swept swept = goals.sweep();
            double planning = (System.nanoTime() - p0) / 1e9;
            System.out.printf("planning: %,d learners planned in %.1f s (%,.0f learners/s)%n", swept.planned(), planning,
                    swept.planned() / planning);

            LimitedPlatform platform = new LimitedPlatform();
            PacedSender paced = new PacedSender(platform, new PacedSender.Limits(LIMIT_PER_SECOND, 10,
                    Duration.ofSeconds(1), Duration.ofSeconds(3)), clock,
                    d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000), Duration.ofSeconds(2));
            OutboxSender sender = new OutboxSender(db, Map.<String, MessageSender>of("telegram", paced)::get,
                    new PostgresLearnerRepository(db), clock, 500);
            long s0 = System.nanoTime();
            while (platform.accepted.get() < swept.planned()) {
                OutboxSender.Stats st = sender.drain();
                if (st.sent() == 0 && st.deferred() == 0) {
                    Thread.sleep(5); // only deferred rows left: wait for their next_attempt_at
                }
            }
            double sending = (System.nanoTime() - s0) / 1e9;
            double rate = platform.accepted.get() / sending;
            long duplicates = platform.perChat.values().stream().mapToLong(n -> Math.max(0, n.get() - 1)).sum();
            System.out.printf("fan-out: %,d messages in %.1f s = %,.0f msgs/s = %.1f %% of the %,.0f msgs/s limit%n",
                    platform.accepted.get(), sending, rate, 100 * rate / LIMIT_PER_SECOND, LIMIT_PER_SECOND);
            System.out.printf("429s: %,d (paced sender saw %,d)   duplicates: %,d   chats reached: %,d%n",
                    platform.tooMany.get(), paced.rateLimitedCount(), duplicates, platform.perChat.size());
            System.out.printf("peak heap: %,d MB (max %,d MB)%n", peakHeap.get() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        sampler.interrupt();
        System.exit(0);
    }

    private static void seed(Database db, int learners, Instant now) {
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
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into learner_schedule (learner_id, plan_rule, next_plan_at)
                    select id, checkin_day::text || ' ' || checkin_time::text || ' ' || timezone, ? from learner""")) {
                ps.setTimestamp(1, Timestamp.from(now.minusSeconds(30)));
                return ps.executeUpdate();
            }
        });
    }
}

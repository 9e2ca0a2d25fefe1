package studybuddy.reminders;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import studybuddy.BotCore;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.testing.LocalPostgres;

/**
 * Benchmark (not a test): how late a reminder arrives when it comes due during a large fan-out. On a PostgreSQL of
 * its own (fsync on), the whole bot runs as in production ({@link BotCore#start()}: the clustered Quartz sweep
 * every 10 s and the outbox worker, Telegram's pacing of 30 msg/s) with 1 200 weekly-goal messages queued (a
 * Monday) and three reminders due 5, 15 and 25 s into the 40 s fan-out. Prints each reminder's lateness (target
 * at most 25 s), the fan-out's rate and the duplicates.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -q -B -pl bot-core -am test-compile
 * mvn -q -B -pl bot-core dependency:build-classpath -Dmdep.outputFile=cp.txt
 * cd bot-core && java -cp target/classes:target/test-classes:$(cat cp.txt) studybuddy.reminders.ReminderLatencyBenchmark [messages]
 * </pre>
 */
public final class ReminderLatencyBenchmark {

    /** A fake Telegram: accepts everything, records when each text arrived and how often. */
    static final class FakeTelegram implements MessageSender {
        final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        final AtomicInteger accepted = new AtomicInteger();

        @Override
        public String platform() {
            return "telegram";
        }

        @Override
        public SendResult send(OutgoingMessage message) {
            String text = message.reply().text();
            firstSeen.putIfAbsent(text, Instant.now());
            counts.computeIfAbsent(message.chatId() + "|" + text, k -> new AtomicInteger()).incrementAndGet();
            accepted.incrementAndGet();
            return new SendResult.Sent(Integer.toString(accepted.get()));
        }
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1200;
        int[] dueAfter = {5, 15, 25};
        try (LocalPostgres pg = LocalPostgres.start("fsync=on", "synchronous_commit=on");
             Database db = Database.connect(pg.jdbcUrl(), "postgres", "", 10, null).migrated()) {
            BotCore core = new BotCore(db, Clock.systemUTC());
            FakeTelegram telegram = new FakeTelegram();
            core.registerSender(telegram);
            Instant start = Instant.now();
            seed(db, messages, dueAfter, start);
            core.start();
            long t0 = System.nanoTime();
            while (telegram.accepted.get() < messages + dueAfter.length
                    && System.nanoTime() - t0 < Duration.ofMinutes(5).toNanos()) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            core.stop();
            System.out.printf("fan-out: %,d weekly-goal messages and %d reminders in %.1f s = %.1f msg/s (Telegram "
                    + "pacing: 30 msg/s)%n", messages, dueAfter.length, seconds, telegram.accepted.get() / seconds);
            for (int i = 0; i < dueAfter.length; i++) {
                Instant due = start.plusSeconds(dueAfter[i]);
                String body = "Reminder " + i;
                Instant arrived = telegram.firstSeen.entrySet().stream().filter(e -> e.getKey().contains(body))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                System.out.printf("reminder due %2d s into the fan-out: %s%n", dueAfter[i], arrived == null
                        ? "never arrived"
                        : String.format("%.1f s late", Duration.between(due, arrived).toMillis() / 1000.0));
            }
            long duplicates = telegram.counts.values().stream().mapToLong(n -> n.get() - 1).sum();
            System.out.printf("duplicates: %d%n", duplicates);
        }
        System.exit(0);
    }

    private static void seed(Database db, int messages, int[] dueAfter, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement learner = c.prepareStatement("""
                    insert into learner (platform, user_id, chat_id, display_name, lang, background, path,
                                         weekly_hours, timezone, checkin_day, checkin_time, onboarded_at)
                    select 'telegram', 'u' || i, 'c' || i, 'Learner ' || i, 'en', 'developer', 'software', 8, 'UTC',
                           1, '09:00', ? from generate_series(0, ? - 1) i""")) {
                learner.setTimestamp(1, Timestamp.from(now));
                learner.setInt(2, messages + dueAfter.length);
                learner.executeUpdate();
            }
            List<OutboxMessage> fanOut = new java.util.ArrayList<>();
            for (int i = 0; i < messages; i++) {
                fanOut.add(new OutboxMessage(null, "telegram", "c" + i, true, "goals", "goals:" + i,
                        "Your goals for this week " + i, List.of(), null));
            }
            Outbox.enqueue(c, fanOut, now);
            try (PreparedStatement reminder = c.prepareStatement("""
                    insert into reminder (learner_id, body, kind, zone, next_fire_at, created_at)
                    select id, ?, 'once', 'UTC', ?, ? from learner where user_id = ?""")) {
                for (int i = 0; i < dueAfter.length; i++) {
                    reminder.setString(1, "Reminder " + i);
                    reminder.setTimestamp(2, Timestamp.from(now.plusSeconds(dueAfter[i])));
                    reminder.setTimestamp(3, Timestamp.from(now));
                    reminder.setString(4, "u" + (messages + i));
                    reminder.addBatch();
                }
                reminder.executeBatch();
            }
            return null;
        });
    }
}

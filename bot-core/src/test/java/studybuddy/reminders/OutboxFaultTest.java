package studybuddy.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.testing.LocalPostgres;

/**
 * The outbox against a PostgreSQL of the test's own that it restarts and takes away mid fan-out: the fan-out
 * resumes within seconds, every message arrives, none twice (one instance: results the database could not take
 * are kept and written when it is back, not sent again).
 */
class OutboxFaultTest {
    private static final int MESSAGES = 300;
    private static LocalPostgres pg;

    @BeforeAll
    static void startServer() {
        assumeTrue(LocalPostgres.binaries().isPresent(), "PostgreSQL binaries in /usr/lib/postgresql");
        pg = LocalPostgres.start("fsync=off");
    }

    @AfterAll
    static void stopServer() {
        if (pg != null) {
            pg.close();
        }
    }

    private static Database freshDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return Database.connect(pg.jdbcUrl().replace("/postgres", "/" + name), "postgres", "", 6, null).migrated();
    }

    private static void enqueue(Database db) {
        db.inTransaction(c -> {
            List<OutboxMessage> messages = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                messages.add(new OutboxMessage(null, "telegram", "chat-" + i, true, "reminder", "k" + i, "m" + i,
                        List.of(), null));
            }
            Outbox.enqueue(c, messages, Instant.now());
            return null;
        });
    }

    private static RecordingSender platform() {
        RecordingSender platform = new RecordingSender("telegram", Clock.systemUTC());
        platform.answer = m -> {
            try {
                Thread.sleep(10); // ~100 msg/s: the fan-out lasts about three seconds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SendResult.Sent("ok");
        };
        return platform;
    }

    private static boolean waitFor(BooleanSupplier condition, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    private static int sentRows(Database db) {
        try {
            return db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select count(*) from outbox where status = 'sent'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void runWithFault(String database, Runnable fault) throws Exception {
        try (Database db = freshDatabase(database)) {
            enqueue(db);
            RecordingSender platform = platform();
            OutboxWorker worker = new OutboxWorker(new OutboxSender(db, Map.of("telegram", platform)::get, null,
                    Clock.systemUTC(), 100));
            worker.start();
            try {
                // GIVEN a fan-out a third of the way through
                assertThat(waitFor(() -> platform.deliveries.size() >= MESSAGES / 3, Duration.ofSeconds(30))).isTrue();
                // WHEN the database goes away and comes back
                fault.run();
                long back = System.nanoTime();
                // THEN the fan-out finishes within 15 s of the database's return, and every result is written
                assertThat(waitFor(() -> platform.deliveries.size() >= MESSAGES && sentRows(db) == MESSAGES,
                        Duration.ofSeconds(15))).as("delivered %d, recorded %d", platform.deliveries.size(),
                        sentRows(db)).isTrue();
                assertThat((System.nanoTime() - back) / 1e9).isLessThan(15);
                Thread.sleep(300); // nothing more trickles in
                assertThat(platform.deliveries).hasSize(MESSAGES);
                assertThat(platform.counts.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            } finally {
                worker.close();
            }
        }
    }

    @Test
    @DisplayName("given a fan-out, when PostgreSQL restarts, then it resumes within 15 s and sends each message once")
    void postgresRestart() throws Exception {
        runWithFault("restart_test", () -> {
            pg.stop("fast");
            sleep(500);
            pg.start();
        });
    }

    @Test
    @DisplayName("given a fan-out, when PostgreSQL is away for 3 s, then results wait in memory and nothing goes twice")
    void postgresOutage() throws Exception {
        runWithFault("outage_test", () -> {
            pg.stop("immediate");
            sleep(3_000);
            pg.start();
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studybuddy.storage.EmbeddedPostgresServer;

/**
 * The real jar, started as a process on an embedded PostgreSQL in a temporary STUDYBUDDY_HOME against a fake Bot
 * API whose sendMessage is slow: SIGTERM arrives while the sweep is sending the outbox, and the process must be
 * gone within 10 s, the embedded server stopped cleanly, every message Telegram got marked sent and every other
 * one handed back (pending, lease released) for the next start: nothing sent twice, nothing lost.
 */
class TelegramJarShutdownIT {
    private static final int MESSAGES = 20;

    @TempDir
    Path home;

    @Test
    @DisplayName("SIGTERM during a sweep: the jar exits within 10 s, the outbox is consistent")
    void givenASweepSendingTheOutbox_whenSigterm_thenTheJarStopsWithin10sAndNothingIsSentTwiceOrLost() throws Exception {
        Path jar = Path.of("target", "study-buddy-telegram.jar").toAbsolutePath();
        assertThat(jar).exists();
        try (FakeBotApiServer api = new FakeBotApiServer(TelegramBotTest.TOKEN)) {
            api.delay("sendmessage", 1500);
            Path log = home.resolve("bot.log");
            ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.remove("DATABASE_URL");
            env.put("STUDYBUDDY_HOME", home.toString());
            env.put("TELEGRAM_BOT_TOKEN", TelegramBotTest.TOKEN);
            env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + api.url().getPort());
            env.put("STUDYBUDDY_LOG_LEVEL", "INFO");
            Process bot = pb.start();
            try {
                // GIVEN the bot running, with messages due in its outbox
                awaitLog(log, "Sweep scheduler", 120);
                int port = Integer.parseInt(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(3).strip());
                String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
                enqueue(url, MESSAGES);
                // ... and the sweep sending them (the fake holds each sendMessage for 1.5 s)
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (api.calls("sendmessage").isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertThat(api.calls("sendmessage")).as("the sweep started sending").isNotEmpty();

                // WHEN SIGTERM arrives
                long stopping = System.nanoTime();
                bot.destroy();
                boolean exited = bot.waitFor(10, TimeUnit.SECONDS);
                long tookMs = (System.nanoTime() - stopping) / 1_000_000;

                // THEN the process is gone within 10 s, having stopped the embedded server itself
                assertThat(exited).as("exited within 10 s of SIGTERM; log:%n%s", tail(log)).isTrue();
                System.out.println("Telegram jar stopped " + tookMs + " ms after SIGTERM (exit " + bot.exitValue() + ")");
                assertThat(home.resolve("pgdata/postmaster.pid")).as("embedded PostgreSQL stopped cleanly").doesNotExist();
            } finally {
                bot.destroyForcibly();
            }
            // ... and every message Telegram received is marked sent, every other one is pending with no lease
            int received = api.calls("sendmessage").size();
            System.out.println("Telegram got " + received + " of " + MESSAGES + " messages before the stop");
            try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(home.resolve("pgdata"));
                 Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "")) {
                assertThat(count(c, "status = 'sent'")).as("sent = what Telegram got").isEqualTo(received);
                assertThat(count(c, "status = 'pending' and (lease_until is null or lease_until <= now())"))
                        .as("the rest handed back for the next start").isEqualTo(MESSAGES - received);
                List<String> sentChats = api.calls("sendmessage").stream().map(FakeBotApiServer.Call::chatId).toList();
                assertThat(sentChats).doesNotHaveDuplicates();
            }
        }
    }

    private static void enqueue(String url, int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement ps = c.prepareStatement("""
                     insert into outbox (platform, chat_id, direct, kind, dedupe_key, body, next_attempt_at, created_at)
                     values ('telegram', ?, true, 'reminder', ?, ?, ?, ?)
                     """)) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < n; i++) {
                ps.setString(1, Long.toString(5_000_000L + i));
                ps.setString(2, "shutdown-it:" + i);
                ps.setString(3, "Reminder " + i + ": time to study");
                ps.setTimestamp(4, now);
                ps.setTimestamp(5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int count(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from outbox where " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void awaitLog(Path log, String needle, int seconds) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(needle)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bot never logged '" + needle + "'; log:\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

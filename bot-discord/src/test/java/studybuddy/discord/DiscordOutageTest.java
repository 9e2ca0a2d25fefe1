package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static studybuddy.discord.DiscordRunning.slash;
import static studybuddy.discord.DiscordRunning.snowflake;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.storage.Database;
import studybuddy.testing.LocalPostgres;

/** A database outage under the Discord adapter, on a PostgreSQL of the test's own that it stops and starts. */
class DiscordOutageTest {
    @Test
    @DisplayName("Given the database stops, when a command arrives, then it is deferred in time, told within 5 s and answered once it is back")
    void givenDatabaseOutage_whenACommandArrives_thenNoticeThenRealAnswer() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start("fsync=off"); Database db = pg.connect(6); DiscordRunning bot = new DiscordRunning(db)) {
            pg.stop();

            String id = snowflake();
            long sent = System.nanoTime();
            bot.discord.dispatch("INTERACTION_CREATE", slash(id, "tok-down", "next", "zh-CN",
                    FakeDiscord.user("700000000000000401", "li"), Map.of()));
            bot.discord.await("POST", "interactions/" + id + "/tok-down/callback");
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("deferred").isLessThan(Duration.ofSeconds(3));
            FakeDiscord.Request notice = bot.discord.await("PATCH", bot.original("tok-down"));
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("told").isLessThan(Duration.ofSeconds(5));
            assertThat(notice.json().getString("content")).contains("连不上数据库");

            pg.restart();
            FakeDiscord.Request answer = bot.discord.await(r -> r.method().equals("PATCH")
                    && r.path().equals(bot.original("tok-down")) && !r.body().contains("数据库"), "the real answer");
            assertThat(answer.json().getString("content")).contains("/start");
            Thread.sleep(300);
            assertThat(bot.count("PATCH", bot.original("tok-down"))).isEqualTo(2);
            assertThat(bot.count("POST", "interactions/" + id + "/tok-down/callback")).isEqualTo(1);
        }
    }
}

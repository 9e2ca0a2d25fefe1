package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static studybuddy.discord.DiscordRunning.slash;
import static studybuddy.discord.DiscordRunning.snowflake;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import net.dv8tion.jda.api.sharding.DefaultShardManager;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import studybuddy.command.Caller;
import studybuddy.i18n.Lang;
import studybuddy.inbox.Inbox;
import studybuddy.inbox.IncomingUpdate;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class) // the watchdog's restart ("givenSilent…") last
class DiscordInboxTest {
    Database db;
    DiscordRunning bot;

    @BeforeAll
    void start() throws Exception {
        db = TestDatabase.fresh(6);
        bot = new DiscordRunning(db);
    }

    @AfterAll
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @DisplayName("Given the gateway replays an interaction, then it is acknowledged and answered once")
    void givenAReplayedInteraction_whenDispatchedTwice_thenAnsweredOnce() throws Exception {
        String id = snowflake();
        var event = slash(id, "tok-replay", "next", "en-US", FakeDiscord.user("700000000000000301", "rae"), Map.of());
        bot.discord.dispatch("INTERACTION_CREATE", event);
        bot.discord.await("PATCH", bot.original("tok-replay"));
        bot.discord.dispatch("INTERACTION_CREATE", event);
        Thread.sleep(500); // a second answer would have come by now

        assertThat(bot.count("POST", "interactions/" + id + "/tok-replay/callback")).isEqualTo(1);
        assertThat(bot.count("PATCH", bot.original("tok-replay"))).isEqualTo(1);
        // the row keeps who and where, so that /forget can find it
        try (var c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select user_id, chat_id, handled_at is not null from inbox where platform = 'discord' and update_key = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("700000000000000301");
                assertThat(rs.getString(2)).isEqualTo("700000000000000301");
                assertThat(rs.getBoolean(3)).isTrue();
            }
        }
    }

    @Test
    @DisplayName("Given an interaction another instance stored and deferred before it crashed, then this one answers it through its token")
    void givenAnInteractionLeftByACrashedInstance_whenItsLeaseRunsOut_thenThisInstanceAnswersIt() throws Exception {
        String id = snowflake();
        Caller caller = Caller.direct("discord", "700000000000000303", "Ola", Lang.EN);
        DiscordRequest request = new DiscordRequest(id, "tok-orphan", DiscordRequest.SLASH, caller, "next", Map.of(),
                false, "/next");
        new Inbox(db).add(new IncomingUpdate("discord", id, caller.userId(), caller.chatId(), request.toJson()),
                java.time.Instant.now());

        FakeDiscord.Request answer = bot.discord.await("PATCH", bot.original("tok-orphan"));
        assertThat(answer.json().getString("content")).contains("/start");
        assertThat(bot.count("POST", "interactions/" + id + "/tok-orphan/callback")).isZero();
    }

    @Test
    @DisplayName("Given NUL and escapes in a name and a slash option, then the answer is normal and nothing unclean is stored")
    void givenControlCharactersInNameAndOptions_whenAsked_thenAnsweredNormally() throws Exception {
        String id = snowflake();
        var user = FakeDiscord.user("700000000000000302", "nul\u0000").put("global_name", "Nu\u0000l\u001b[1m");
        bot.discord.dispatch("INTERACTION_CREATE", slash(id, "tok-nul", "ask", "en-US", user,
                Map.of("text", "what is \u0000gradient descent?\u0007")));
        String content = bot.discord.await("PATCH", bot.original("tok-nul")).json().getString("content");
        assertThat(content).doesNotContain("went wrong").doesNotContain("\u0000");
        assertThat(bot.core.learners().findByPlatformUser("discord", "700000000000000302").orElseThrow().displayName())
                .isEqualTo("Nul[1m");
    }

    @Test
    @DisplayName("Given a silent gateway, when the watchdog checks, then the shard is restarted and readiness shows it")
    void givenSilentGateway_whenTheWatchdogChecks_thenTheShardRestartsAndReadinessFollows() throws Exception {
        assertThat(bot.watchdog.healthy()).isTrue();
        int identifies = bot.discord.identifies.size();
        // GIVEN JDA lost its own start-up race (it does at random on login): the manager holds a finished queue
        // worker, and JDA alone would queue the restarted shard without ever connecting it
        Field worker = DefaultShardManager.class.getDeclaredField("worker");
        worker.setAccessible(true);
        long settle = System.nanoTime() + 5_000_000_000L;
        while (worker.get(bot.shards) instanceof Future<?> f && !f.isDone() && System.nanoTime() < settle) {
            Thread.sleep(20);
        }
        worker.set(bot.shards, CompletableFuture.completedFuture(null));

        bot.nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(bot.watchdog.healthy()).isFalse();
        assertThat(bot.watchdog.detail()).contains("silent for 61 s");
        assertThat(bot.watchdog.check()).containsExactly(0);

        long end = System.nanoTime() + 20_000_000_000L;
        while ((bot.discord.identifies.size() == identifies || !bot.watchdog.healthy()) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(bot.discord.identifies).hasSizeGreaterThan(identifies);
        assertThat(bot.watchdog.healthy()).isTrue();
        assertThat(bot.watchdog.detail()).contains("restarted 1 times");
        // and the new session receives and answers interactions
        String id = snowflake();
        bot.discord.dispatch("INTERACTION_CREATE", slash(id, "tok-after", "next", "en-US",
                FakeDiscord.user("700000000000000304", "rex"), Map.of()));
        assertThat(bot.discord.await("PATCH", bot.original("tok-after")).json().getString("content")).contains("/start");
    }
}

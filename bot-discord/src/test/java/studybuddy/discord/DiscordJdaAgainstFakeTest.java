package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** Real JDA (sharded, as in production) against {@link FakeDiscord}: registration, interactions, DMs. */
class DiscordJdaAgainstFakeTest {
    private static FakeDiscord discord;
    private static Database db;
    private static ShardManager shards;
    private static ExecutorService executor;
    private static BotCore core;

    @BeforeAll
    static void start() throws Exception {
        discord = new FakeDiscord();
        db = TestDatabase.fresh(4);
        core = new BotCore(db, Clock.systemUTC());
        CommandDispatcher dispatcher = TestSpecs.dispatcher(db, core.dispatcher().specs(), new TestSpecs());
        executor = Executors.newFixedThreadPool(2);
        DiscordConfig config = DiscordConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", DiscordConfigTest.TOKEN,
                "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
        shards = DiscordBot.start(config, new DiscordListener(new DiscordInteractionRouter(dispatcher), executor,
                DiscordCommandTranslator.translate(dispatcher.specs()), config.guildId(), Duration.ofSeconds(10)));
        for (JDA jda : shards.getShards()) {
            jda.awaitReady();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (shards != null) {
            shards.shutdown();
        }
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (discord != null) {
            discord.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void identifiesWithoutPrivilegedIntentsAndRegistersEveryCommandGlobally() throws Exception {
        int privileged = (1 << 1) | (1 << 8) | (1 << 15); // GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT
        assertThat(discord.identifies).isNotEmpty();
        assertThat(discord.identifies.get(0).getInt("intents") & privileged).isZero();

        FakeDiscord.Request put = discord.await("PUT", "applications/" + FakeDiscord.BOT_ID + "/commands");
        DataArray commands = put.jsonArray();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < commands.length(); i++) {
            names.add(commands.getObject(i).getString("name"));
        }
        assertThat(names).contains("start", "next", "done", "skip", "roadmap", "progress", "lang", "cancel", "help",
                "settings");
    }

    @Test
    void aSlashCommandInADmIsDeferredThenAnsweredInTheUsersLanguageWithButtons() throws Exception {
        String id = snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "tok-next", "next", "zh-CN", "700000000000000001"));
        FakeDiscord.Request ack = discord.await("POST", "interactions/" + id + "/tok-next/callback");
        assertThat(ack.json().getInt("type")).isEqualTo(5); // deferred channel message
        FakeDiscord.Request answer = discord.await("PATCH",
                "webhooks/" + FakeDiscord.BOT_ID + "/tok-next/messages/@original");
        DataObject body = answer.json();
        assertThat(body.getString("content")).containsPattern("\\p{IsHan}");
        assertThat(body.getArray("components").toString()).contains("\"custom_id\":\"/start\"");
    }

    @Test
    void aFailingHandlerGetsAPrivateApologyInsteadOfHanging() throws Exception {
        String id = snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "tok-boom", "boom", "en-US", "700000000000000002"));
        discord.await("POST", "interactions/" + id + "/tok-boom/callback");
        FakeDiscord.Request apology = discord.await(r -> r.method().equals("POST")
                && r.path().equals("webhooks/" + FakeDiscord.BOT_ID + "/tok-boom"), "the apology follow-up");
        assertThat(apology.json().getString("content")).contains("something went wrong");
        assertThat(apology.json().getInt("flags") & 64).isEqualTo(64); // ephemeral
        discord.await("DELETE", "webhooks/" + FakeDiscord.BOT_ID + "/tok-boom/messages/@original");
    }

    @Test
    void aDmDiscordRefusesIsUnreachableAndMarksTheLearner() throws Exception {
        PostgresLearnerRepository learners = new PostgresLearnerRepository(db);
        long id = learners.findOrCreate(Caller.direct("discord", FakeDiscord.CLOSED_DMS_USER, "Dee", Lang.EN)).id();
        DiscordMessageSender sender = DiscordMessageSender.over(shards, learners);
        SendResult refused = sender.send(new OutgoingMessage("discord", FakeDiscord.CLOSED_DMS_USER, true,
                Reply.text("Your weekly goals")));
        assertThat(refused).isInstanceOf(SendResult.Unreachable.class);
        assertThat(learners.find(id).orElseThrow().reachable()).isFalse();

        SendResult sent = sender.send(new OutgoingMessage("discord", "700000000000000042", true, Reply.text("Reminder")));
        assertThat(sent).isInstanceOf(SendResult.Sent.class);
        FakeDiscord.Request dm = discord.await("POST", "channels/550000000000000042/messages");
        assertThat(discord.requests).anyMatch(r -> r.path().equals("users/@me/channels"));
        assertThat(dm.body()).contains("Reminder");
    }

    /** JDA refuses interactions older than 15 minutes, judged by the snowflake's time. */
    private static String snowflake() {
        return Long.toString((System.currentTimeMillis() - 1420070400000L) << 22 | (long) (Math.random() * 4000));
    }

    private static DataObject slash(String id, String token, String command, String locale,
                                    String userId) {
        DataObject user = FakeDiscord.user(userId, "ann");
        return DataObject.empty().put("id", id).put("application_id", FakeDiscord.BOT_ID).put("type", 2)
                .put("token", token).put("version", 1).put("locale", locale).put("context", 1)
                .put("channel_id", "1200000000000000001")
                .put("channel", DataObject.empty().put("id", "1200000000000000001").put("type", 1)
                        .put("last_message_id", null).put("recipients", DataArray.empty().add(user)))
                .put("user", user).put("app_permissions", "0").put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("1", userId))
                .put("data", DataObject.empty().put("id", "1300000000000000001").put("name", command).put("type", 1)
                        .put("options", DataArray.empty()));
    }
}

package studybuddy.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import studybuddy.BotCore;
import studybuddy.storage.Database;

/**
 * The Discord adapter as DiscordMain wires it (inbox, listener, watchdog on virtual time), real JDA against
 * {@link FakeDiscord}, on the given database; shared by {@link DiscordInboxTest} and {@link DiscordOutageTest}.
 */
final class DiscordRunning implements AutoCloseable {
    final FakeDiscord discord;
    final BotCore core;
    final ShardManager shards;
    final ExecutorService executor;
    final DiscordInbox inbox;
    final DiscordWatchdog watchdog;
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    DiscordRunning(Database db) throws Exception {
        discord = new FakeDiscord();
        core = new BotCore(db, Clock.systemUTC());
        executor = Executors.newFixedThreadPool(4);
        DiscordConfig config = DiscordConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", DiscordConfigTest.TOKEN,
                "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
        DiscordInteractionRouter router = new DiscordInteractionRouter(core.dispatcher());
        inbox = new DiscordInbox(db, Clock.systemUTC(), router, executor, 4).start();
        watchdog = new DiscordWatchdog(Duration.ofSeconds(60), nanos::get);
        shards = DiscordBot.start(config, new DiscordListener(router, executor,
                DiscordCommandTranslator.translate(core.dispatcher().specs()), config.guildId(), inbox), watchdog);
        for (JDA jda : shards.getShards()) {
            jda.awaitReady();
        }
        watchdog.watch(shards);
        inbox.attach(shards);
    }

    /** JDA refuses interactions older than 15 minutes, judged by the snowflake's time. */
    static String snowflake() {
        return Long.toString((System.currentTimeMillis() - 1420070400000L) << 22 | (long) (Math.random() * 4000));
    }

    /** A slash command in a DM, with string options. */
    static DataObject slash(String id, String token, String command, String locale, DataObject user,
                            Map<String, String> options) {
        DataArray opts = DataArray.empty();
        options.forEach((k, v) -> opts.add(DataObject.empty().put("name", k).put("type", 3).put("value", v)));
        return DataObject.empty().put("id", id).put("application_id", FakeDiscord.BOT_ID).put("type", 2)
                .put("token", token).put("version", 1).put("locale", locale).put("context", 1)
                .put("channel_id", "1200000000000000001")
                .put("channel", DataObject.empty().put("id", "1200000000000000001").put("type", 1)
                        .put("last_message_id", null).put("recipients", DataArray.empty().add(user)))
                .put("user", user).put("app_permissions", "0").put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("1", user.getString("id")))
                .put("data", DataObject.empty().put("id", "1300000000000000001").put("name", command).put("type", 1)
                        .put("options", opts));
    }

    String original(String token) {
        return "webhooks/" + FakeDiscord.BOT_ID + "/" + token + "/messages/@original";
    }

    long count(String method, String path) {
        return discord.requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    @Override
    public void close() throws Exception {
        watchdog.close();
        inbox.close();
        shards.shutdown();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        discord.close();
    }
}

package studybuddy.discord;

import static studybuddy.ops.ShutdownSequence.ifSet;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.BotCore;
import studybuddy.ops.OpsServer;
import studybuddy.ops.ShutdownSequence;
import studybuddy.ops.StartupRetry;
import studybuddy.platform.MessageSender;
import studybuddy.storage.Database;
import studybuddy.storage.DatabaseSettings;
import studybuddy.storage.StorageUnavailableException;

/**
 * {@code java -jar study-buddy-discord.jar}: the bot on Discord. Settings from the environment:
 * DISCORD_BOT_TOKEN (required), DISCORD_GUILD_ID, DISCORD_API_URL, DISCORD_GATEWAY_URL, and the core's database
 * settings (DATABASE_URL…, or an embedded PostgreSQL under STUDYBUDDY_HOME).
 */
public final class DiscordMain {
    private static final Logger log = LoggerFactory.getLogger(DiscordMain.class);
    /** Longest a handler may take before the user gets an apology. */
    /** Interactions handled at once from the inbox. */
    static final int INBOX_THREADS = 8;

    private DiscordMain() {
    }

    public static void main(String[] args) {
        int code = run(System.getenv());
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts the bot and returns 0 while it runs in the background, or the exit code of a failed start. */
    static int run(Map<String, String> env) {
        DiscordConfig config;
        DatabaseSettings settings;
        try {
            config = DiscordConfig.fromEnvironment(env);
            settings = DatabaseSettings.fromEnvironment(env);
        } catch (DiscordConfig.ConfigException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        ExecutorService executor = Executors.newFixedThreadPool(8, new NamedThreads("discord-core"));
        AtomicReference<BotCore> core = new AtomicReference<>();
        AtomicReference<ShardManager> shards = new AtomicReference<>();
        AtomicReference<OpsServer> ops = new AtomicReference<>();
        AtomicReference<Database> db = new AtomicReference<>();
        AtomicReference<DiscordInbox> inbox = new AtomicReference<>();
        // Readiness also follows the gateway connections (see DiscordWatchdog#healthy); it restarts a silent shard.
        DiscordWatchdog watchdog = DiscordWatchdog.standard();
        // The one shutdown hook, installed before anything starts (see shutdownSequence for the order).
        ShutdownSequence shutdown = shutdownSequence(
                () -> ifSet(ops, OpsServer::stopping),
                () -> {
                    ifSet(core, c -> c.stop(Duration.ofSeconds(4)));
                    watchdog.close();
                    ifSet(inbox, DiscordInbox::close); // interactions in hand are answered before the shards go down
                },
                executor,
                () -> ifSet(shards, ShardManager::shutdown),
                () -> {
                    ifSet(ops, OpsServer::close);
                    ifSet(db, Database::close);
                }).installHook();
        StartupRetry retry = new StartupRetry(shutdown::started);
        try {
            db.set(retry.openDatabase(settings));
            log.info("Using database {}", settings.describe());
            BotCore bc = new BotCore(db.get(), Clock.systemUTC());
            core.set(bc);
            bc.registerHealthCheck(watchdog);
            OpsServer.fromEnvironment(env, bc::healthChecks, bc.metrics()).ifPresent(ops::set);
            DiscordInteractionRouter router = new DiscordInteractionRouter(bc.dispatcher());
            inbox.set(new DiscordInbox(db.get(), bc.clock(), router, executor, INBOX_THREADS).start());
            DiscordListener listener = new DiscordListener(router, executor,
                    DiscordCommandTranslator.translate(bc.dispatcher().specs()), config.guildId(), inbox.get());
            shards.set(retry.until("Discord at " + config.apiUrl(), () -> {
                probe(config.apiUrl()); // JDA would log an unreachable API as an uncaught stack trace
                return DiscordBot.start(config, listener, watchdog);
            }, DiscordMain::transientFailure));
            watchdog.watch(shards.get());
            inbox.get().attach(shards.get());
            // Every proactive send (reminders, weekly goals, group check-ins) goes through this one raw sender; the
            // core wraps it in its PacedSender (Discord's limits) and feeds it from the outbox on its clustered sweep.
            MessageSender sender = DiscordMessageSender.over(shards.get(), bc.learners());
            bc.registerSender(sender);
            bc.start();
            log.info("study-buddy is starting on Discord ({} commands, {}, sender {})", bc.dispatcher().specs().size(),
                    config.guildId().map(g -> "registered on server " + g).orElse("registered globally"),
                    sender.platform());
            return 0;
        } catch (StartupRetry.Stopped e) {
            return 0;
        } catch (InvalidTokenException e) {
            return shutdown.fail(2, "Discord rejected DISCORD_BOT_TOKEN: copy the current token from the Discord "
                    + "developer portal (Bot > Reset Token).");
        } catch (StorageUnavailableException | IllegalArgumentException e) {
            return shutdown.fail(1, e.getMessage());
        } catch (Exception e) {
            log.error("Starting the Discord bot failed: {}", e.toString(), e);
            return shutdown.fail(1, "Could not start the Discord bot: " + e.getMessage());
        }
    }

    /**
     * Why a start failed when it is worth waiting for (Discord unreachable or erroring); null when it is not.
     * JDA reports an unreachable REST API as an unchecked exception around the IOException.
     */
    static String transientFailure(Exception e) {
        if (e instanceof InvalidTokenException || e instanceof IllegalArgumentException) {
            return null;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof net.dv8tion.jda.api.exceptions.ErrorResponseException) {
                return StartupRetry.rootReason(e);
            }
        }
        return null;
    }

    /** Throws an IOException when Discord's REST API does not answer at all (any HTTP answer will do). */
    static void probe(String apiUrl) throws java.io.IOException, InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .build();
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(apiUrl).resolve("gateway"))
                .timeout(Duration.ofSeconds(10)).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    /**
     * The shutdown order, in one sequence: readiness fails; no new interaction is taken (the executor refuses them,
     * so they get the apology); the core's sweep stops (no reminder may go through shards that are going away);
     * the interactions being handled finish and queue their answers (up to 3 s); then the shards go down (JDA
     * still sends what is queued); last the health port and the database (pool, then embedded server).
     */
    static ShutdownSequence shutdownSequence(Runnable readinessDown, Runnable coreStop, ExecutorService executor,
                                             Runnable shardsDown, Runnable dbClose) {
        return new ShutdownSequence(Duration.ofSeconds(9))
                .then("readiness", Duration.ofMillis(100), readinessDown::run)
                .then("intake", Duration.ofMillis(100), executor::shutdown)
                .then("scheduler", Duration.ofSeconds(4), coreStop::run)
                .then("handlers", Duration.ofSeconds(3), () -> {
                    if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                        log.warn("Discord handlers still busy after 3 s; stopping them");
                        executor.shutdownNow();
                    }
                })
                .then("shards", Duration.ofSeconds(2), shardsDown::run)
                .then("database", Duration.ofSeconds(4), dbClose::run);
    }

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger n = new AtomicInteger();

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(false);
            return t;
        }
    }
}

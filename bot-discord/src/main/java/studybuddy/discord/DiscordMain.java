package studybuddy.discord;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.BotCore;
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
        try {
            config = DiscordConfig.fromEnvironment(env);
        } catch (DiscordConfig.ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Database db;
        try {
            DatabaseSettings settings = DatabaseSettings.fromEnvironment(env);
            db = Database.open(settings);
            log.info("Using database {}", settings.describe());
        } catch (StorageUnavailableException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        BotCore core = new BotCore(db, Clock.systemUTC());
        ExecutorService executor = Executors.newFixedThreadPool(8, new NamedThreads("discord-core"));
        DiscordInteractionRouter router = new DiscordInteractionRouter(core.dispatcher());
        DiscordInbox inbox = new DiscordInbox(db, core.clock(), router, executor, INBOX_THREADS).start();
        DiscordListener listener = new DiscordListener(router, executor,
                DiscordCommandTranslator.translate(core.dispatcher().specs()), config.guildId(), inbox);
        // Readiness: the gateway connections (see DiscordWatchdog#healthy).
        DiscordWatchdog watchdog = DiscordWatchdog.standard();
        ShardManager shards;
        try {
            shards = DiscordBot.start(config, listener, watchdog);
            watchdog.watch(shards);
            inbox.attach(shards);
        } catch (InvalidTokenException e) {
            System.err.println("Discord rejected DISCORD_BOT_TOKEN: copy the current token from the Discord developer "
                    + "portal (Bot > Reset Token).");
            watchdog.close();
            inbox.close();
            executor.shutdownNow();
            db.close();
            return 2;
        }
        // Every proactive send (reminders, weekly goals, group check-ins) goes through this one raw sender; the core
        // wraps it in its PacedSender (Discord's limits) and feeds it from the outbox on its clustered sweep.
        MessageSender sender = DiscordMessageSender.over(shards, core.learners());
        core.registerSender(sender);
        try {
            core.start();
        } catch (RuntimeException e) {
            log.error("Starting the scheduler (reminders, weekly goals, group check-ins) failed: {}", e.toString(), e);
            watchdog.close();
            inbox.close();
            shards.shutdown();
            executor.shutdownNow();
            db.close();
            return 1;
        }
        log.info("study-buddy is starting on Discord ({} commands, {}, sender {})", core.dispatcher().specs().size(),
                config.guildId().map(g -> "registered on server " + g).orElse("registered globally"), sender.platform());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(() -> {
            core.stop();
            watchdog.close();
            inbox.close(); // the interactions in hand are answered (queued on the shards) before they go down
        }, shards, executor, db::close), "discord-shutdown"));
        return 0;
    }

    /**
     * The shutdown order: the core's sweep first (no reminder may be sent through shards that are going away), then
     * the interactions being handled finish and queue their answers (up to 10 s), and only then the shards go down
     * (JDA still sends what is queued) and the database closes. Interactions arriving meanwhile get the apology,
     * as the executor refuses them.
     */
    static void stop(Runnable coreStop, ShardManager shards, ExecutorService executor, Runnable dbClose) {
        try {
            coreStop.run();
        } catch (RuntimeException e) {
            log.warn("Stopping the scheduler failed: {}", e.toString());
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Discord handlers still busy after 10 s; stopping them");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        shards.shutdown();
        dbClose.run();
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

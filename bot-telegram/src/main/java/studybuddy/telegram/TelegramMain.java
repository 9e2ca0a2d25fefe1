package studybuddy.telegram;

import static studybuddy.ops.ShutdownSequence.ifSet;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.ops.OpsServer;
import studybuddy.ops.ShutdownSequence;
import studybuddy.ops.StartupRetry;
import studybuddy.platform.HealthCheck;
import studybuddy.platform.MessageSender;
import studybuddy.storage.Database;
import studybuddy.storage.DatabaseSettings;
import studybuddy.storage.StorageUnavailableException;

/**
 * {@code java -jar study-buddy-telegram.jar}: the bot on Telegram. Settings come from the environment:
 * TELEGRAM_BOT_TOKEN (required), TELEGRAM_API_URL, TELEGRAM_WEBHOOK_URL / _SECRET / _PORT, TELEGRAM_WORKER_THREADS,
 * STUDYBUDDY_HTTP_PORT (health and metrics), and the core's database settings (DATABASE_URL, … or an embedded
 * PostgreSQL). A database or Bot API that is not reachable yet is waited for, with one line per attempt.
 */
public final class TelegramMain {
    private static final Logger log = LoggerFactory.getLogger(TelegramMain.class);

    private TelegramMain() {
    }

    public static void main(String[] args) {
        int code = run(System.getenv());
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(Map<String, String> env) {
        TelegramConfig config;
        DatabaseSettings settings;
        try {
            config = TelegramConfig.fromEnvironment(env);
            settings = DatabaseSettings.fromEnvironment(env);
        } catch (TelegramConfig.InvalidConfigException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        // The one shutdown hook, installed before anything starts: stop receiving, then the sweep (bounded), then
        // the handlers and senders, the health port, and last the pool and the embedded server; 9 s in all.
        AtomicReference<TelegramBot> bot = new AtomicReference<>();
        AtomicReference<BotCore> core = new AtomicReference<>();
        AtomicReference<OpsServer> ops = new AtomicReference<>();
        AtomicReference<Database> db = new AtomicReference<>();
        ShutdownSequence shutdown = new ShutdownSequence(Duration.ofSeconds(9))
                .then("readiness", Duration.ofMillis(100), () -> ifSet(ops, OpsServer::stopping))
                .then("intake and handlers", Duration.ofSeconds(3), () -> ifSet(bot, TelegramBot::close))
                .then("scheduler", Duration.ofSeconds(4), () -> ifSet(core, c -> c.stop(Duration.ofSeconds(4))))
                .then("health port", Duration.ofSeconds(1), () -> ifSet(ops, OpsServer::close))
                .then("database", Duration.ofSeconds(4), () -> ifSet(db, Database::close))
                .installHook();
        StartupRetry retry = new StartupRetry(shutdown::started);
        try {
            db.set(retry.openDatabase(settings));
            BotCore bc = new BotCore(db.get(), Clock.systemUTC());
            core.set(bc);
            bc.registerHealthCheck(new Started("telegram", bot));
            OpsServer.fromEnvironment(env, bc::healthChecks, bc.metrics()).ifPresent(ops::set);
            TelegramClient client = TelegramBot.client(config);
            // The core paces the raw sender (per chat, per platform, retry_after) for its outbox; replies share it.
            MessageSender sender = TelegramBot.registerSender(bc, client);
            bot.set(retry.until("the Telegram Bot API at " + apiAddress(config),
                    () -> TelegramBot.start(config, bc, client, sender), TelegramMain::transientFailure));
            // readiness: updates arrive (the long-polling watchdog, or the webhook listening)
            bot.get().healthChecks().forEach(bc::registerHealthCheck);
            bc.start(); // the clustered sweep: reminders, weekly goals, group check-ins, the outbox
        } catch (StartupRetry.Stopped e) {
            shutdown.awaitDone();
            return 0;
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
                return shutdown.fail(2, "Telegram rejected TELEGRAM_BOT_TOKEN (" + e.getErrorCode()
                        + "): check the token of bot " + config.tokenId() + " with @BotFather.");
            }
            return shutdown.fail(1, "Telegram refused to start the bot: " + e.getErrorCode() + " " + e.getApiResponse());
        } catch (StorageUnavailableException | IllegalArgumentException e) {
            return shutdown.fail(1, e.getMessage());
        } catch (IOException e) {
            return shutdown.fail(1, "Could not open a port for the Telegram bot (" + config + "): " + e.getMessage());
        } catch (Exception e) {
            log.error("Could not start the Telegram bot ({}): {}", config, e.toString(), e);
            return shutdown.fail(1, "Could not start the Telegram bot: " + e.getMessage());
        }
        System.err.println("study-buddy is running on Telegram as @" + bot.get().username() + " ("
                + config.webhookUrl().map(u -> "webhook " + u).orElse("long polling") + "). Ctrl-C stops it.");
        shutdown.awaitDone();
        return 0;
    }

    /**
     * Why a start failed when it is worth waiting for (no answer from the Bot API, or a 429/5xx from it); null when
     * it is not (a rejected token, a port in use), which ends the start.
     */
    static String transientFailure(Exception e) {
        if (e instanceof TelegramApiRequestException r) {
            Integer code = r.getErrorCode();
            return code != null && (code == 429 || code >= 500) ? "HTTP " + code + " " + r.getApiResponse() : null;
        }
        if (e instanceof TelegramApiException) {
            return StartupRetry.rootReason(e);
        }
        return null;
    }

    private static String apiAddress(TelegramConfig config) {
        return config.apiUrl().getSchema() + "://" + config.apiUrl().getHost() + ":" + config.apiUrl().getPort();
    }



    /** Readiness of the platform side until a watchdog knows better: the bot said who it is and receives updates. */
    private record Started(String name, AtomicReference<?> started) implements HealthCheck {
        @Override
        public boolean healthy() {
            return started.get() != null;
        }

        @Override
        public String detail() {
            return healthy() ? "receiving updates" : "not connected yet";
        }
    }
}

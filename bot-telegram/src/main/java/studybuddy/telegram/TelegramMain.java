package studybuddy.telegram;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.platform.MessageSender;
import studybuddy.storage.Database;
import studybuddy.storage.DatabaseSettings;
import studybuddy.storage.StorageUnavailableException;

/**
 * {@code java -jar study-buddy-telegram.jar}: the bot on Telegram. Settings come from the environment:
 * TELEGRAM_BOT_TOKEN (required), TELEGRAM_API_URL, TELEGRAM_WEBHOOK_URL / _SECRET / _PORT, TELEGRAM_WORKER_THREADS,
 * and the core's database settings (DATABASE_URL, … or an embedded PostgreSQL).
 */
public final class TelegramMain {
    private static final Logger log = LoggerFactory.getLogger(TelegramMain.class);

    private TelegramMain() {
    }

    public static void main(String[] args) {
        int code = run();
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run() {
        TelegramConfig config;
        try {
            config = TelegramConfig.fromEnvironment(System.getenv());
        } catch (TelegramConfig.InvalidConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Database db;
        try {
            db = Database.open(DatabaseSettings.fromEnvironment(System.getenv()));
        } catch (StorageUnavailableException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        BotCore core = new BotCore(db, Clock.systemUTC());
        TelegramClient client = TelegramBot.client(config);
        // The core paces the raw sender (per chat, per platform, retry_after) for its outbox; replies share it.
        MessageSender sender = TelegramBot.registerSender(core, client);
        TelegramBot bot;
        try {
            bot = TelegramBot.start(config, core, client, sender);
        } catch (TelegramApiRequestException e) {
            db.close();
            if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
                System.err.println("Telegram rejected TELEGRAM_BOT_TOKEN (" + e.getErrorCode()
                        + "): check the token of bot " + config.tokenId() + " with @BotFather.");
                return 2;
            }
            System.err.println("Telegram refused to start the bot: " + e.getErrorCode() + " " + e.getApiResponse());
            return 1;
        } catch (TelegramApiException | java.io.IOException | RuntimeException e) {
            db.close();
            System.err.println("Could not start the Telegram bot (" + config + "): " + e.getMessage());
            return 1;
        }
        try {
            core.start(); // the clustered sweep: reminders, weekly goals, group check-ins, the outbox
        } catch (RuntimeException e) {
            bot.close();
            db.close();
            System.err.println("Could not start the scheduler of reminders and check-ins: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the Telegram bot");
            bot.close();
            core.stop();
            db.close();
            stopped.countDown();
        }, "telegram-shutdown"));
        System.err.println("study-buddy is running on Telegram as @" + bot.username() + " ("
                + config.webhookUrl().map(u -> "webhook " + u).orElse("long polling") + "). Ctrl-C stops it.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

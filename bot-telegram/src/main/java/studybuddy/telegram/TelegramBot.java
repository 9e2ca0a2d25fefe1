package studybuddy.telegram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandSpec;
import studybuddy.command.Descriptions;
import studybuddy.i18n.Lang;
import studybuddy.platform.MessageSender;

/**
 * The running Telegram adapter: asks who the bot is, registers its command menu in English and Chinese, and
 * receives updates by long polling or, with a webhook URL, on its own webhook server. Updates are handled on a
 * {@link ChatSerialExecutor} (in order per chat), never on the polling or HTTP thread.
 */
public final class TelegramBot implements AutoCloseable {
    /** The update types the bot asks for. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "poll_answer");

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final TelegramConfig config;
    private final TelegramClient client;
    private final ChatSerialExecutor workers;
    private final TelegramCommandRouter router;
    private final String username;
    private TelegramBotsLongPollingApplication polling;
    private TelegramWebhookServer webhook;

    private TelegramBot(TelegramConfig config, BotCore core, CommandDispatcher dispatcher, TelegramClient client,
                        MessageSender sender, String username) {
        this.config = config;
        this.client = client;
        this.username = username;
        this.workers = new ChatSerialExecutor(config.workerThreads(), "telegram-update");
        this.router = new TelegramCommandRouter(core, dispatcher, client, sender, username);
    }

    /** The telegrambots client for the configured API server. */
    public static TelegramClient client(TelegramConfig config) {
        return new OkHttpTelegramClient(config.token(), config.apiUrl());
    }

    /** A listener that marks the learner behind a private chat unreachable. */
    public static TelegramMessageSender.UnreachableListener markUnreachable(BotCore core) {
        return (chatId, reason) -> core.learners().findByPlatformUser(TelegramMessageSender.PLATFORM, chatId)
                .ifPresent(l -> core.learners().setReachable(l.id(), false, reason));
    }

    /**
     * Registers the raw Telegram sender with the core (which wraps it in its {@link studybuddy.platform.PacedSender}
     * for the outbox: reminders, weekly goals, group check-ins) and returns that paced sender, through which the
     * adapter's direct replies go too, so both share one per-chat and per-platform budget.
     */
    public static MessageSender registerSender(BotCore core, TelegramClient client) {
        core.registerSender(new TelegramMessageSender(client, markUnreachable(core), core.polls()));
        return core.sender(TelegramMessageSender.PLATFORM).orElseThrow();
    }

    /**
     * Starts the adapter: getMe, setMyCommands, then long polling or the webhook. Every reply goes out through
     * {@code sender}.
     */
    public static TelegramBot start(TelegramConfig config, BotCore core, TelegramClient client, MessageSender sender)
            throws TelegramApiException, IOException {
        return start(config, core, core.dispatcher(), client, sender);
    }

    /** As {@link #start(TelegramConfig, BotCore, TelegramClient, MessageSender)} with another dispatcher (tests). */
    public static TelegramBot start(TelegramConfig config, BotCore core, CommandDispatcher dispatcher,
                                    TelegramClient client, MessageSender sender) throws TelegramApiException, IOException {
        User me = client.execute(new GetMe());
        TelegramBot bot = new TelegramBot(config, core, dispatcher, client, sender, me.getUserName());
        try {
            bot.registerCommands(dispatcher.specs());
            if (config.webhookUrl().isPresent()) {
                bot.startWebhook();
            } else {
                bot.startPolling();
            }
        } catch (TelegramApiException | IOException | RuntimeException e) {
            bot.close();
            throw e;
        }
        return bot;
    }

    public String username() {
        return username;
    }

    /** The webhook server's port (tests start it on port 0); -1 when polling. */
    public int webhookPort() {
        return webhook == null ? -1 : webhook.port();
    }

    /**
     * Queues updates for handling; returns at once and never throws (an exception here would silently end the
     * library's polling task).
     */
    public void accept(List<Update> updates) {
        for (Update update : updates) {
            accept(update);
        }
    }

    public void accept(Update update) {
        if (update == null) {
            return;
        }
        try {
            workers.submit(TelegramCommandRouter.chatKey(update), () -> router.handle(update));
        } catch (RuntimeException e) {
            log.error("Could not queue Telegram update {}; skipped it: {}", update.getUpdateId(), e.toString(), e);
        }
    }

    /** The menu of commands in the default language (English) and for Chinese-speaking users. */
    void registerCommands(List<CommandSpec> specs) throws TelegramApiException {
        client.execute(SetMyCommands.builder().commands(menu(specs, Lang.EN)).scope(new BotCommandScopeDefault()).build());
        client.execute(SetMyCommands.builder().commands(menu(specs, Lang.ZH)).scope(new BotCommandScopeDefault())
                .languageCode(Lang.ZH.code()).build());
        log.info("Registered {} commands with Telegram for @{}", specs.size(), username);
    }

    /** Telegram's rules: name 1-32 of a-z, 0-9 and _; description 1-256 characters. */
    static List<BotCommand> menu(List<CommandSpec> specs, Lang lang) {
        List<BotCommand> commands = new ArrayList<>();
        for (CommandSpec spec : specs) {
            if (!spec.name().matches("[a-z0-9_]{1,32}")) {
                log.warn("Command /{} left out of the Telegram menu: Telegram allows only a-z, 0-9 and _", spec.name());
                continue;
            }
            String description = Descriptions.of(spec, lang).strip();
            if (description.isEmpty()) {
                description = "/" + spec.name();
            }
            if (description.length() > 256) {
                description = description.substring(0, 255) + "…";
            }
            commands.add(new BotCommand(spec.name(), description));
        }
        return commands.size() > 100 ? commands.subList(0, 100) : commands;
    }

    private void startPolling() throws TelegramApiException {
        polling = new TelegramBotsLongPollingApplication();
        int timeout = config.pollTimeoutSeconds();
        polling.registerBot(config.token(), config::apiUrl,
                offset -> GetUpdates.builder().offset(offset + 1).limit(100).timeout(timeout)
                        .allowedUpdates(ALLOWED_UPDATES).build(),
                this::accept);
        log.info("Telegram bot @{} receiving updates by long polling", username);
    }

    private void startWebhook() throws IOException, TelegramApiException {
        webhook = TelegramWebhookServer.start(new InetSocketAddress(config.webhookPort()), config.webhookPath(),
                config.webhookSecret(), this::accept);
        client.execute(SetWebhook.builder().url(config.webhookUrl().orElseThrow().toString())
                .secretToken(config.webhookSecret()).allowedUpdates(ALLOWED_UPDATES).build());
        log.info("Telegram bot @{} receiving updates by webhook at {}", username, config.webhookUrl().orElseThrow());
    }

    /** Stops receiving, then lets the queued updates finish (up to 10 s). */
    @Override
    public void close() {
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.warn("Telegram long polling did not stop cleanly: {}", e.toString());
            }
        }
        if (webhook != null) {
            webhook.close();
        }
        workers.shutdown(10);
    }
}

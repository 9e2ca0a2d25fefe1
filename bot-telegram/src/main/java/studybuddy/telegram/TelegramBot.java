package studybuddy.telegram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandSpec;
import studybuddy.command.Descriptions;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.inbox.Inbox;
import studybuddy.inbox.InboxEntry;
import studybuddy.inbox.InboxIntake;
import studybuddy.inbox.InboxWorker;
import studybuddy.inbox.IncomingUpdate;
import studybuddy.platform.HealthCheck;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;

/**
 * The running Telegram adapter: asks who the bot is, registers its command menu in English and Chinese, and
 * receives updates by long polling ({@link TelegramPoller}) or, with a webhook URL, on its own webhook server.
 * Every update is cleaned and written to the inbox before Telegram is told it arrived, then handled from there by
 * an {@link InboxWorker} (in order per chat, once, on whichever instance claims it). While the database is away,
 * whoever wrote is told so at once, and answered for real when it is back.
 */
public final class TelegramBot implements AutoCloseable {
    /** The update types the bot asks for. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "poll_answer");

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    /** How long a claimed update is held by its instance before another may take it over (a crashed one's). */
    static final Duration INBOX_LEASE = Duration.ofSeconds(90);
    /** How long handled updates are kept to recognise re-deliveries (Telegram keeps updates 24 h). */
    static final Duration INBOX_KEEP = Duration.ofHours(48);
    /** Tries to store one update before it is given up (logged) so that it stops holding back the others. */
    static final int MAX_STORE_TRIES = 5;

    private final TelegramConfig config;
    private final TelegramClient client;
    private final TelegramCommandRouter router;
    private final MessageSender sender;
    private final String username;
    private final InboxIntake intake;
    private final InboxWorker worker;
    private final ExecutorService notices;
    private final java.util.Map<String, Integer> storeFailures = new java.util.concurrent.ConcurrentHashMap<>();
    private TelegramPoller polling;
    private TelegramWebhookServer webhook;

    private TelegramBot(TelegramConfig config, BotCore core, CommandDispatcher dispatcher, TelegramClient client,
                        MessageSender sender, String username) {
        this.config = config;
        this.client = client;
        this.sender = sender;
        this.username = username;
        this.router = new TelegramCommandRouter(core, dispatcher, client, sender, username);
        Inbox inbox = new Inbox(core.database());
        this.intake = new InboxIntake(inbox, core.clock());
        this.worker = new InboxWorker(inbox, intake, TelegramMessageSender.PLATFORM, new Handler(), core.clock(),
                config.workerThreads(), INBOX_LEASE, INBOX_KEEP);
        this.notices = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "telegram-outage-notice");
            t.setDaemon(true);
            return t;
        });
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
            bot.worker.start();
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

    /** What readiness depends on here: that updates arrive (long polling answers, or the webhook listens). */
    public List<HealthCheck> healthChecks() {
        return polling != null ? List.of(polling) : webhook != null ? List.of(webhook) : List.of();
    }

    /**
     * Takes one raw update off the wire: cleaned and written to the inbox (or held while the database is away, the
     * sender told so). Returns whether it is durable, i.e. may be confirmed to Telegram.
     */
    boolean receive(JsonNode raw) {
        Optional<IncomingUpdate> update = TelegramUpdates.incoming(raw);
        if (update.isEmpty()) {
            log.warn("Ignored a Telegram update without an update_id");
            return true;
        }
        InboxIntake.Outcome outcome;
        try {
            outcome = intake.accept(update.get());
        } catch (RuntimeException e) {
            // Not confirmed, so Telegram hands it out again; one that can never be stored must not block the rest.
            int failures = storeFailures.merge(update.get().key(), 1, Integer::sum);
            log.error("Telegram update {} could not be stored (try {} of {}): {}", update.get().key(), failures,
                    MAX_STORE_TRIES, e.toString(), e);
            if (failures < MAX_STORE_TRIES) {
                return false;
            }
            storeFailures.remove(update.get().key());
            return true;
        }
        storeFailures.remove(update.get().key());
        if (outcome == InboxIntake.Outcome.HELD_NEW) {
            notices.execute(() -> tellDatabaseDown(raw));
        }
        return outcome.durable();
    }

    /** Says the database is away to whoever sent the update, when the bot would have answered it. */
    private void tellDatabaseDown(JsonNode update) {
        Optional<String> chat = TelegramUpdates.chatId(update);
        if (chat.isEmpty() || !TelegramUpdates.expectsAnswer(update, username)) {
            return;
        }
        String queryId = update.path("callback_query").path("id").asText("");
        if (!queryId.isEmpty()) {
            try {
                client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build()); // stop the spinner
            } catch (TelegramApiException | RuntimeException e) {
                log.debug("Could not answer Telegram button press {}: {}", queryId, e.toString());
            }
        }
        boolean direct = !chat.get().startsWith("-");
        OutgoingMessage notice = new OutgoingMessage(TelegramMessageSender.PLATFORM, chat.get(), direct,
                Reply.text(Inbox.databaseDown(TelegramUpdates.lang(update))));
        var result = sender.send(notice);
        // The chat's pacing (one message a second) may hold a second notice back for a moment: worth the wait.
        for (int i = 0; i < 3 && result instanceof studybuddy.platform.SendResult.RetryAfter r
                && r.delay().compareTo(Duration.ofSeconds(2)) <= 0; i++) {
            try {
                Thread.sleep(r.delay().toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            result = sender.send(notice);
        }
        if (!(result instanceof studybuddy.platform.SendResult.Sent)) {
            log.warn("Could not tell Telegram chat {} that the database is away: {}", chat.get(), result);
        }
    }

    /** Handles the inbox's updates with the router. */
    private final class Handler implements InboxWorker.Handler {
        @Override
        public void handle(InboxEntry entry) {
            org.telegram.telegrambots.meta.api.objects.Update update;
            try {
                update = TelegramUpdates.read(entry.payload());
            } catch (JsonProcessingException e) {
                log.warn("Skipped Telegram update {}: the client library cannot read it ({})", entry.key(),
                        e.getOriginalMessage());
                return;
            }
            router.handle(update);
        }

        @Override
        public void databaseDown(InboxEntry entry) {
            try {
                tellDatabaseDown(TelegramUpdates.JSON.readTree(entry.payload()));
            } catch (JsonProcessingException e) {
                // unreadable: nobody to tell
            }
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
        client.execute(DeleteWebhook.builder().build()); // getUpdates is refused while a webhook is set
        polling = new TelegramPoller(config, this::receive, TelegramPoller.defaultSilenceLimit(config), System::nanoTime);
        polling.start();
        log.info("Telegram bot @{} receiving updates by long polling", username);
    }

    private void startWebhook() throws IOException, TelegramApiException {
        webhook = TelegramWebhookServer.start(new InetSocketAddress(config.webhookPort()), config.webhookPath(),
                config.webhookSecret(), this::receive);
        client.execute(SetWebhook.builder().url(config.webhookUrl().orElseThrow().toString())
                .secretToken(config.webhookSecret()).allowedUpdates(ALLOWED_UPDATES).build());
        log.info("Telegram bot @{} receiving updates by webhook at {}", username, config.webhookUrl().orElseThrow());
    }

    /** Stops receiving, then lets the updates in hand finish (up to 10 s); the rest wait in the inbox. */
    @Override
    public void close() {
        stopReceiving();
        worker.stop(10);
        notices.shutdown();
    }

    /** Stops at once, as a crash would (tests): nothing more is confirmed, marked or answered. */
    void abort() {
        stopReceiving();
        worker.abort();
        notices.shutdownNow();
    }

    private void stopReceiving() {
        if (polling != null) {
            polling.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }
}

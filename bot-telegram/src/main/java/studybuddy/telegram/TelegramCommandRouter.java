package studybuddy.telegram;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.polls.PollAnswer;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.command.Audience;
import studybuddy.command.Caller;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandLine;
import studybuddy.command.InputNormalizer;
import studybuddy.command.CommandSpec;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.learner.Learner;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;

/**
 * Handles one Telegram update: decides whether the bot is addressed, builds the {@link Caller}, runs the core's
 * dispatcher and delivers the reply through the one {@link MessageSender} (the core's paced sender, so replies and
 * the outbox share the per-chat and per-platform budgets).
 * <ul>
 *   <li>Private chats: every text goes to the dispatcher (commands, dialogue answers, questions).</li>
 *   <li>Groups: commands (bare or {@code /cmd@ThisBot}; those addressed to another bot are ignored) and replies to
 *       the bot's own messages; other chatter is ignored. For every command and button press in a group,
 *       {@code getChatMember} (cached for a minute per chat and user) decides {@link Caller#chatAdmin()}: the
 *       dispatcher refuses {@link Audience#GROUP_ADMIN} commands to non-admins, and group commands such as
 *       {@code /group setup} check it themselves.</li>
 *   <li>Button presses (callback queries): the button's action goes to the dispatcher, and the query is always
 *       answered so the client's spinner stops.</li>
 *   <li>Quiz answers ({@code poll_answer}): the poll id maps back to the command line the answer stands for
 *       (through the core's poll registry), run as the voter in their private chat.</li>
 *   <li>Anything else (edited messages, stickers, member updates, unknown update types) is ignored.</li>
 * </ul>
 */
public final class TelegramCommandRouter {
    /** Longest rate-limit wait for a direct reply before it is given up. */
    static final Duration MAX_REPLY_WAIT = Duration.ofSeconds(30);
    /** Most tries of one reply when it keeps being rate limited. */
    static final int MAX_REPLY_ATTEMPTS = 5;
    /** How long Telegram's answer to "is this user an admin of this chat" is reused. */
    static final Duration ADMIN_CACHE_TTL = Duration.ofSeconds(60);
    private static final int ADMIN_CACHE_MAX = 10_000;
    /** Telegram's limit on a callback answer's alert text. */
    private static final int MAX_ALERT = 200;
    private static final Set<String> ADMIN_STATUSES = Set.of("creator", "administrator");

    private static final Logger log = LoggerFactory.getLogger(TelegramCommandRouter.class);

    private final BotCore core;
    private final CommandDispatcher dispatcher;
    private final TelegramClient client;
    private final MessageSender sender;
    private final String botUsername;
    private final LongSupplier nanos;
    private final Map<String, CachedAdmin> adminCache = new ConcurrentHashMap<>();

    public TelegramCommandRouter(BotCore core, CommandDispatcher dispatcher, TelegramClient client, MessageSender sender,
                                 String botUsername) {
        this(core, dispatcher, client, sender, botUsername, System::nanoTime);
    }

    /** As above, with the time source of the admin cache (tests). */
    TelegramCommandRouter(BotCore core, CommandDispatcher dispatcher, TelegramClient client, MessageSender sender,
                          String botUsername, LongSupplier nanos) {
        this.nanos = nanos;
        this.core = core;
        this.dispatcher = dispatcher;
        this.client = client;
        this.sender = sender;
        this.botUsername = botUsername == null ? "" : botUsername;
    }

    /** The key updates are serialized on: the chat they come from (0 when they have none). */
    public static long chatKey(Update update) {
        if (update == null) {
            return 0;
        }
        Message m = update.getMessage() != null ? update.getMessage() : update.getEditedMessage();
        if (m != null && m.getChat() != null && m.getChat().getId() != null) {
            return m.getChat().getId();
        }
        if (update.getPollAnswer() != null && update.getPollAnswer().getUser() != null) {
            return update.getPollAnswer().getUser().getId(); // answers come from the voter's private chat
        }
        CallbackQuery q = update.getCallbackQuery();
        if (q != null) {
            if (q.getMessage() != null && q.getMessage().getChat() != null && q.getMessage().getChat().getId() != null) {
                return q.getMessage().getChat().getId();
            }
            if (q.getFrom() != null) {
                return q.getFrom().getId();
            }
        }
        return 0;
    }

    public void handle(Update update) {
        if (update == null) {
            return;
        }
        if (update.getMessage() != null) {
            onMessage(update.getMessage());
        } else if (update.getCallbackQuery() != null) {
            onCallback(update.getCallbackQuery());
        } else if (update.getPollAnswer() != null) {
            onPollAnswer(update.getPollAnswer());
        } else {
            log.debug("Ignored Telegram update {}: not a new message or a button press", update.getUpdateId());
        }
    }

    private void onMessage(Message m) {
        User from = m.getFrom();
        Chat chat = m.getChat();
        String text = m.getText();
        if (from == null || from.getId() == null || chat == null || chat.getId() == null || text == null
                || text.isBlank()) {
            return;
        }
        text = InputNormalizer.normalize(text); // "／next", "/next，" are commands in groups too
        boolean group = isGroup(chat);
        // An anonymous admin writes as the group itself: Telegram fills "from" with the fake bot @GroupAnonymousBot.
        boolean anonymousAdmin = group && m.getSenderChat() != null && chat.getId().equals(m.getSenderChat().getId());
        if (Boolean.TRUE.equals(from.getIsBot()) && !anonymousAdmin) {
            return;
        }
        if (!group && !"private".equals(chat.getType())) {
            return; // channels
        }
        boolean command = CommandLine.isCommand(text);
        if (group) {
            if (command) {
                String addressee = CommandLine.addressee(text);
                if (!addressee.isEmpty() && !addressee.equalsIgnoreCase(botUsername)) {
                    return; // meant for another bot
                }
            } else if (!isReplyToBot(m)) {
                return; // group chatter
            }
        }
        Caller caller = caller(from, chat, group, false);
        if (group && (anonymousAdmin || needsAdmin(caller, command ? text : null))) {
            caller = caller(from, chat, group, anonymousAdmin || isAdmin(chat.getId(), from.getId()));
        }
        if (!group) {
            markReachable(caller);
        }
        Optional<Reply> reply = dispatcher.handle(caller, text);
        if (reply.isPresent()) {
            deliver(caller.chatId(), !group, reply.get());
        }
    }

    private void onCallback(CallbackQuery q) {
        String answerText = null;
        try {
            User from = q.getFrom();
            String data = q.getData();
            MaybeInaccessibleMessage message = q.getMessage();
            if (from == null || from.getId() == null || data == null || !CommandLine.isCommand(data)) {
                return;
            }
            Chat chat = message == null ? null : message.getChat();
            boolean group = chat != null && isGroup(chat);
            long chatId = chat != null && chat.getId() != null ? chat.getId() : from.getId();
            Caller caller = new Caller(TelegramMessageSender.PLATFORM, Long.toString(from.getId()), Long.toString(chatId),
                    group, false, displayName(from), Lang.fromLocaleTag(from.getLanguageCode()));
            if (group && needsAdmin(caller, data)) {
                caller = new Caller(caller.platform(), caller.userId(), caller.chatId(), true,
                        isAdmin(chatId, from.getId()), caller.displayName(), caller.platformLang());
            }
            Optional<Reply> reply = dispatcher.handle(caller, data);
            if (reply.isEmpty()) {
                return;
            }
            Reply r = reply.get();
            String plain = TelegramRenderer.plain(r.text());
            if (group && r.ephemeral() && r.choices().isEmpty() && r.buttons().isEmpty() && r.attachments().isEmpty()
                    && plain.length() <= MAX_ALERT) {
                answerText = plain; // only the presser sees it
                return;
            }
            deliver(caller.chatId(), !group, r);
        } finally {
            answer(q.getId(), answerText);
        }
    }

    /**
     * An answer to one of the bot's quizzes (a review question): the poll id, mapped when the quiz was sent, turns
     * back into the command line the answer stands for, run as the voter in their private chat. A retracted vote
     * (no options) and polls the bot does not know are ignored.
     */
    private void onPollAnswer(PollAnswer answer) {
        User from = answer.getUser();
        if (from == null || from.getId() == null || answer.getOptionIds() == null || answer.getOptionIds().isEmpty()) {
            return;
        }
        Optional<String> line;
        try {
            line = core.polls().answer(TelegramMessageSender.PLATFORM, answer.getPollId(), answer.getOptionIds().get(0));
        } catch (RuntimeException e) {
            log.error("Could not look up Telegram poll {} answered by user {}: {}", answer.getPollId(), from.getId(),
                    e.toString(), e);
            return;
        }
        if (line.isEmpty()) {
            log.info("Ignored an answer to unknown Telegram poll {} from user {}", answer.getPollId(), from.getId());
            return;
        }
        Caller caller = Caller.direct(TelegramMessageSender.PLATFORM, Long.toString(from.getId()), displayName(from),
                Lang.fromLocaleTag(from.getLanguageCode()));
        dispatcher.handle(caller, line.get()).ifPresent(reply -> deliver(caller.chatId(), true, reply));
    }

    /**
     * Sends a reply through the sender (normally the core's paced one, shared with the outbox). The user is
     * waiting, so a rate limit (the chat's pacing interval, or Telegram's retry_after) is waited out, up to
     * {@link #MAX_REPLY_WAIT} in all.
     */
    private void deliver(String chatId, boolean direct, Reply reply) {
        OutgoingMessage message = new OutgoingMessage(TelegramMessageSender.PLATFORM, chatId, direct, reply);
        Duration waited = Duration.ZERO;
        SendResult result = sender.send(message);
        for (int attempt = 1; result instanceof SendResult.RetryAfter r && attempt <= MAX_REPLY_ATTEMPTS; attempt++) {
            if (waited.plus(r.delay()).compareTo(MAX_REPLY_WAIT) > 0) {
                log.warn("Dropped a reply to Telegram chat {}: rate limit of {} s is too long to wait", chatId,
                        r.delay().toSeconds());
                return;
            }
            sleep(r.delay());
            waited = waited.plus(r.delay());
            result = sender.send(message);
        }
        if (!(result instanceof SendResult.Sent)) {
            log.warn("Reply to Telegram chat {} not delivered: {}", chatId, result);
        }
    }

    private void answer(String callbackQueryId, String text) {
        if (callbackQueryId == null) {
            return;
        }
        try {
            AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder()
                    .callbackQueryId(callbackQueryId);
            if (text != null && !text.isBlank()) {
                answer.text(text).showAlert(true);
            }
            client.execute(answer.build());
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Could not answer Telegram button press {} (its spinner runs until it times out): {}",
                    callbackQueryId, e.toString());
        }
    }

    /**
     * Whether to ask Telegram if the user administers the group: for every command and button press in a group
     * (the core's own group commands, such as /group setup, check {@link Caller#chatAdmin()} themselves), and for
     * a plain answer (a reply to the bot) when the dialogue in progress belongs to a group command.
     */
    private boolean needsAdmin(Caller caller, String commandLine) {
        if (commandLine != null) {
            return dispatcher.spec(CommandLine.commandName(commandLine)).isPresent();
        }
        try {
            Learner learner = core.learners().findOrCreate(caller);
            return core.dialogues().find(learner.id()).flatMap(d -> dispatcher.spec(d.command()))
                    .map(CommandSpec::audience).filter(a -> a != Audience.PERSONAL).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Asks Telegram whether the user administers the chat (creator or administrator); false when it cannot tell.
     * An answer is reused for {@link #ADMIN_CACHE_TTL} per (chat, user), so a busy group costs one getChatMember
     * a minute per member; a failed check is not remembered.
     */
    boolean isAdmin(long chatId, long userId) {
        String key = chatId + "/" + userId;
        long now = nanos.getAsLong();
        CachedAdmin cached = adminCache.get(key);
        if (cached != null && now - cached.at() < ADMIN_CACHE_TTL.toNanos()) {
            return cached.admin();
        }
        try {
            ChatMember member = client.execute(new GetChatMember(Long.toString(chatId), userId));
            boolean admin = member != null && ADMIN_STATUSES.contains(member.getStatus());
            if (adminCache.size() >= ADMIN_CACHE_MAX) {
                adminCache.values().removeIf(c -> now - c.at() >= ADMIN_CACHE_TTL.toNanos());
                if (adminCache.size() >= ADMIN_CACHE_MAX) {
                    adminCache.clear();
                }
            }
            adminCache.put(key, new CachedAdmin(admin, now));
            return admin;
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Could not check whether user {} administers Telegram chat {} (treated as not): {}", userId,
                    chatId, e.toString());
            return false;
        }
    }

    private record CachedAdmin(boolean admin, long at) {
    }

    private void markReachable(Caller caller) {
        try {
            core.learners().findByPlatformUser(caller.platform(), caller.userId()).filter(l -> !l.reachable())
                    .ifPresent(l -> {
                        core.learners().setReachable(l.id(), true, null);
                        log.info("Telegram learner {} wrote again: reachable again", l.id());
                    });
        } catch (RuntimeException e) {
            log.warn("Could not mark Telegram user {} reachable again: {}", caller.userId(), e.toString());
        }
    }

    private boolean isReplyToBot(Message m) {
        Message replied = m.getReplyToMessage();
        return replied != null && replied.getFrom() != null && Boolean.TRUE.equals(replied.getFrom().getIsBot())
                && botUsername.equalsIgnoreCase(replied.getFrom().getUserName());
    }

    private static Caller caller(User from, Chat chat, boolean group, boolean admin) {
        return new Caller(TelegramMessageSender.PLATFORM, Long.toString(from.getId()), Long.toString(chat.getId()),
                group, admin, displayName(from), Lang.fromLocaleTag(from.getLanguageCode()));
    }

    private static boolean isGroup(Chat chat) {
        return "group".equals(chat.getType()) || "supergroup".equals(chat.getType());
    }

    private static String displayName(User u) {
        String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                + (u.getLastName() == null ? "" : u.getLastName())).strip();
        if (name.isEmpty() && u.getUserName() != null) {
            name = "@" + u.getUserName();
        }
        return name.isEmpty() ? null : name;
    }

    /** Sleeps at least {@code d} (rounded up to the next millisecond, so a sub-millisecond wait is not zero). */
    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.plusNanos(999_999).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

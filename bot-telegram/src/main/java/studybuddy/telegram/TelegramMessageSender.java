package studybuddy.telegram;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.polls.SendPoll;
import org.telegram.telegrambots.meta.api.objects.polls.input.InputPollOption;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.command.Attachment;
import studybuddy.command.Reply;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.Poll;
import studybuddy.platform.PollRegistry;
import studybuddy.platform.SendResult;

/**
 * The raw Telegram implementation of the core's {@link MessageSender} port: renders a reply and sends it with the
 * telegrambots client, turning every outcome into a {@link SendResult}. HTTP 429 becomes
 * {@link SendResult.RetryAfter} with Telegram's {@code retry_after}; "blocked by the user", "user is deactivated",
 * "kicked" and "chat not found" become {@link SendResult.Unreachable} (reported to the listener, which marks the
 * learner). Attachments go as photos (PNG, JPEG) or documents, with the text as caption when it fits; a message
 * with a {@link Poll} goes as a native quiz ({@code sendPoll}, {@code type=quiz}) instead of its text. It does no
 * pacing of its own: wrap it (e.g. in the core's PacedSender) for budgets and an outbox.
 */
public final class TelegramMessageSender implements MessageSender {
    public static final String PLATFORM = "telegram";
    /** Longest wait for a rate limit in the middle of a split message (re-sending the first parts would repeat them). */
    static final Duration MAX_MIDWAY_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(TelegramMessageSender.class);

    private final TelegramClient client;
    private final UnreachableListener unreachable;
    private final PollRegistry polls;

    /** Told when a chat can never be reached again (so the learner can be marked unreachable). */
    @FunctionalInterface
    public interface UnreachableListener {
        void unreachable(String chatId, String reason);
    }

    public TelegramMessageSender(TelegramClient client, UnreachableListener unreachable) {
        this(client, unreachable, PollRegistry.NONE);
    }

    /** With the registry where sent quizzes' poll ids are remembered, so that their answers can be routed. */
    public TelegramMessageSender(TelegramClient client, UnreachableListener unreachable, PollRegistry polls) {
        this.client = client;
        this.unreachable = unreachable;
        this.polls = polls;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        if (!PLATFORM.equals(message.platform())) {
            return new SendResult.Failed("not a Telegram message: platform " + message.platform());
        }
        try {
            List<Step> steps = message.poll() != null ? List.of(() -> sendQuiz(message.chatId(), message.poll()))
                    : steps(message.chatId(), message.reply());
            String lastId = null;
            for (int i = 0; i < steps.size(); i++) {
                SendResult result;
                try {
                    Message sent = steps.get(i).run();
                    lastId = sent == null || sent.getMessageId() == null ? lastId : sent.getMessageId().toString();
                    continue;
                } catch (TelegramApiException e) {
                    result = classify(message.chatId(), e);
                }
                if (i > 0 && result instanceof SendResult.RetryAfter r && r.delay().compareTo(MAX_MIDWAY_WAIT) <= 0) {
                    // Parts before this one are out: wait here rather than have the caller repeat them.
                    sleep(r.delay());
                    try {
                        Message sent = steps.get(i).run();
                        lastId = sent == null || sent.getMessageId() == null ? lastId : sent.getMessageId().toString();
                        continue;
                    } catch (TelegramApiException e) {
                        result = classify(message.chatId(), e);
                    }
                }
                if (i > 0 && !(result instanceof SendResult.Unreachable)) {
                    log.warn("Telegram message to chat {} stopped after {} of {} parts: {}", message.chatId(), i,
                            steps.size(), result);
                    return new SendResult.Failed("sent " + i + " of " + steps.size() + " parts, then " + result);
                }
                return result;
            }
            return new SendResult.Sent(lastId);
        } catch (RuntimeException e) {
            log.error("Telegram message to chat {} failed unexpectedly: {}", message.chatId(), e.toString(), e);
            return new SendResult.Failed(e.toString());
        }
    }

    /** One API call of a reply; it can be run again (a file is read afresh each time). */
    @FunctionalInterface
    private interface Step {
        Message run() throws TelegramApiException;
    }

    /**
     * The calls for one reply, in order. Without attachments: the text's parts. With attachments: when the text
     * fits in a caption (1024 characters as shown) it becomes the first file's caption, keyboard included;
     * otherwise the text goes first as messages and the files follow. PNG/JPEG go as photos, the rest as documents.
     */
    private List<Step> steps(String chatId, Reply reply) {
        List<Step> steps = new ArrayList<>();
        List<Attachment> files = reply.attachments();
        boolean caption = !files.isEmpty() && TelegramRenderer.fitsCaption(reply.text());
        if (!caption) {
            for (SendMessage part : TelegramRenderer.render(chatId, reply)) {
                steps.add(() -> client.execute(part));
            }
        }
        for (int i = 0; i < files.size(); i++) {
            Attachment a = files.get(i);
            boolean first = i == 0;
            String text = caption && first && !reply.text().isBlank() ? TelegramRenderer.html(reply.text()) : null;
            Optional<InlineKeyboardMarkup> keyboard = caption && first ? TelegramRenderer.keyboard(reply)
                    : Optional.empty();
            steps.add(() -> sendFile(chatId, a, text, keyboard.orElse(null)));
        }
        return steps;
    }

    /**
     * A native quiz: not anonymous, so that Telegram reports each answer as a {@code poll_answer} update, whose poll
     * id is remembered here (the answer carries neither chat nor message).
     */
    private Message sendQuiz(String chatId, Poll poll) throws TelegramApiException {
        SendPoll.SendPollBuilder<?, ?> quiz = SendPoll.builder().chatId(chatId).question(poll.question())
                .options(poll.options().stream().map(InputPollOption::new).toList())
                .type("quiz").isAnonymous(false).correctOptionIds(List.of(poll.correctOption()));
        if (!poll.explanation().isBlank()) {
            quiz.explanation(poll.explanation());
        }
        Message sent = client.execute(quiz.build());
        if (sent != null && sent.getPoll() != null && sent.getPoll().getId() != null) {
            polls.remember(PLATFORM, sent.getPoll().getId(), poll);
        } else {
            log.warn("Telegram accepted a quiz to chat {} without a poll id: its answer cannot be counted", chatId);
        }
        return sent;
    }

    private Message sendFile(String chatId, Attachment a, String caption, InlineKeyboardMarkup keyboard)
            throws TelegramApiException {
        InputFile file = new InputFile(new ByteArrayInputStream(a.data()), fileName(a));
        if (isPhoto(a)) {
            SendPhoto.SendPhotoBuilder<?, ?> photo = SendPhoto.builder().chatId(chatId).photo(file);
            if (caption != null) {
                photo.caption(caption).parseMode(ParseMode.HTML);
            }
            if (keyboard != null) {
                photo.replyMarkup(keyboard);
            }
            return client.execute(photo.build());
        }
        SendDocument.SendDocumentBuilder<?, ?> document = SendDocument.builder().chatId(chatId).document(file);
        if (caption != null) {
            document.caption(caption).parseMode(ParseMode.HTML);
        }
        if (keyboard != null) {
            document.replyMarkup(keyboard);
        }
        return client.execute(document.build());
    }

    /** Telegram shows PNG and JPEG as photos (sendPhoto); anything else goes as a file (sendDocument). */
    static boolean isPhoto(Attachment a) {
        String type = a.mimeType() == null ? "" : a.mimeType().toLowerCase(Locale.ROOT);
        return type.equals("image/png") || type.equals("image/jpeg") || type.equals("image/jpg");
    }

    private static String fileName(Attachment a) {
        return a.fileName() == null || a.fileName().isBlank() ? "file" : a.fileName();
    }

    /** Maps a failed API call to a result; tells the listener about chats that are gone. */
    SendResult classify(String chatId, TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
            int code = r.getErrorCode();
            String description = Optional.ofNullable(r.getApiResponse()).orElse(r.getMessage());
            if (code == 429) {
                int seconds = r.getParameters() != null && r.getParameters().getRetryAfter() != null
                        ? r.getParameters().getRetryAfter() : 1;
                log.warn("Telegram rate-limited chat {}: retry after {} s", chatId, seconds);
                return new SendResult.RetryAfter(Duration.ofSeconds(Math.max(1, seconds)));
            }
            String lower = description.toLowerCase(Locale.ROOT);
            if (code == 403 || code == 400 && (lower.contains("chat not found") || lower.contains("user not found"))) {
                log.info("Telegram chat {} is unreachable ({}): no more messages will be sent there", chatId, description);
                try {
                    unreachable.unreachable(chatId, description);
                } catch (RuntimeException listenerFailure) {
                    log.error("Could not record that Telegram chat {} is unreachable: {}", chatId,
                            listenerFailure.toString(), listenerFailure);
                }
                return new SendResult.Unreachable(description);
            }
            log.warn("Telegram refused a message to chat {}: {} {}", chatId, code, description);
            return new SendResult.Failed(code + " " + description);
        }
        log.warn("Telegram message to chat {} failed (will be retried later): {}", chatId, e.toString());
        return new SendResult.Failed(e.toString());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

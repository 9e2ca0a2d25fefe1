package studybuddy.reminders;

import java.time.Instant;
import java.util.List;
import studybuddy.command.Attachment;
import studybuddy.command.Button;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.Poll;

/**
 * A message waiting in the outbox.
 *
 * @param dedupeKey one key per thing to say (e.g. "reminder:12:1774760400"): writing it twice is a no-op
 * @param notBefore when it may be sent (quiet hours delay it)
 * @param attachment a file to send with it, or null
 * @param poll a quiz that platforms with native quizzes send instead of the body and buttons, or null
 */
public record OutboxMessage(Long learnerId, String platform, String chatId, boolean direct, String kind,
                            String dedupeKey, String body, List<Button> buttons, Instant notBefore,
                            Attachment attachment, Poll poll) {
    public OutboxMessage {
        buttons = List.copyOf(buttons == null ? List.of() : buttons);
    }

    public OutboxMessage(Long learnerId, String platform, String chatId, boolean direct, String kind,
                         String dedupeKey, String body, List<Button> buttons, Instant notBefore) {
        this(learnerId, platform, chatId, direct, kind, dedupeKey, body, buttons, notBefore, null, null);
    }

    public OutboxMessage(Long learnerId, String platform, String chatId, boolean direct, String kind,
                         String dedupeKey, String body, List<Button> buttons, Instant notBefore,
                         Attachment attachment) {
        this(learnerId, platform, chatId, direct, kind, dedupeKey, body, buttons, notBefore, attachment, null);
    }

    /** A message built elsewhere in the core (e.g. a group check-in), keyed so it is written once. */
    public static OutboxMessage of(OutgoingMessage m, Long learnerId, String kind, String dedupeKey) {
        List<Button> buttons = new java.util.ArrayList<>(m.reply().choices());
        buttons.addAll(m.reply().buttons());
        Attachment attachment = m.reply().attachments().isEmpty() ? null : m.reply().attachments().get(0);
        return new OutboxMessage(learnerId, m.platform(), m.chatId(), m.direct(), kind, dedupeKey, m.reply().text(),
                buttons, null, attachment, m.poll());
    }
}

package studybuddy.reminders;

import java.time.Instant;
import java.util.List;
import studybuddy.command.Button;

/**
 * A message waiting in the outbox.
 *
 * @param dedupeKey one key per thing to say (e.g. "reminder:12:1774760400"): writing it twice is a no-op
 * @param notBefore when it may be sent (quiet hours delay it)
 */
public record OutboxMessage(Long learnerId, String platform, String chatId, boolean direct, String kind,
                            String dedupeKey, String body, List<Button> buttons, Instant notBefore) {
    public OutboxMessage {
        buttons = List.copyOf(buttons == null ? List.of() : buttons);
    }
}

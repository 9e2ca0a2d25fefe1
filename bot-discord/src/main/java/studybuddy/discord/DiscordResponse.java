package studybuddy.discord;

import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * What to answer an interaction with: one or more Discord messages (a long reply is split; buttons and files go on
 * the last), shown only to the caller when {@code ephemeral}.
 */
public record DiscordResponse(List<MessageCreateData> messages, boolean ephemeral) {
    public DiscordResponse {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a response needs at least one message");
        }
    }

    /** All message contents and embed descriptions, joined by blank lines (for logs and tests). */
    public String text() {
        return messages.stream().map(m -> m.getContent() + m.getEmbeds().stream()
                        .map(e -> e.getDescription() == null ? "" : e.getDescription())
                        .collect(Collectors.joining("\n\n")))
                .collect(Collectors.joining("\n\n"));
    }

    public MessageCreateData last() {
        return messages.get(messages.size() - 1);
    }
}

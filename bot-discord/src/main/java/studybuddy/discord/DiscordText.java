package studybuddy.discord;

import java.util.List;
import studybuddy.command.TextSplitter;

/** Discord's text limits, and long texts split to fit them. */
final class DiscordText {
    /** Discord's limit for a message's content. */
    static final int MAX_CONTENT = TextSplitter.DISCORD_LIMIT;
    /** Discord's limit for an embed's description. */
    static final int MAX_EMBED = 4096;

    private DiscordText() {
    }

    /** The parts of a text, each at most {@code max} characters; one empty part for an empty text. */
    static List<String> split(String text, int max) {
        List<String> parts = TextSplitter.split(text == null ? "" : text.strip(), max);
        return parts.isEmpty() ? List.of("") : parts;
    }
}

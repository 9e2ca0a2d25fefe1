package studybuddy.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits long texts into chunks that fit a platform's message limit (Telegram 4096, Discord 2000 chars).
 * Prefers cutting at a line break, then at a space, and never cuts between the two halves of a surrogate pair
 * (an emoji would turn into two broken characters).
 */
public final class TextSplitter {
    public static final int TELEGRAM_LIMIT = 4096;
    public static final int DISCORD_LIMIT = 2000;

    private TextSplitter() {
    }

    public static List<String> split(String text, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2 to hold any character, was " + maxChars);
        }
        List<String> chunks = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return chunks;
        }
        String rest = text;
        while (rest.length() > maxChars) {
            int cut = rest.lastIndexOf('\n', maxChars);
            int skip = 1;
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', maxChars);
            }
            if (cut <= 0) {
                cut = maxChars;
                skip = 0;
                if (Character.isHighSurrogate(rest.charAt(cut - 1)) && Character.isLowSurrogate(rest.charAt(cut))) {
                    cut--;
                }
            }
            String chunk = rest.substring(0, cut).stripTrailing();
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            rest = rest.substring(cut + skip);
            rest = rest.stripLeading().isEmpty() ? "" : stripLeadingNewlines(rest);
        }
        if (!rest.isBlank()) {
            chunks.add(rest.stripTrailing());
        }
        return chunks;
    }

    /** Drops the line breaks a cut leaves at the start of the next chunk, but keeps indentation. */
    private static String stripLeadingNewlines(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
        return s.substring(i);
    }
}

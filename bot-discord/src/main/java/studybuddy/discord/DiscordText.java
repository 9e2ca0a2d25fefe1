package studybuddy.discord;

import java.util.ArrayList;
import java.util.List;

/** Splits long texts into Discord-sized pieces, preferring paragraph, line and word breaks. */
final class DiscordText {
    /** Discord's limit for a message's content. */
    static final int MAX_CONTENT = 2000;
    /** Discord's limit for an embed's description. */
    static final int MAX_EMBED = 4096;

    private DiscordText() {
    }

    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > max) {
            int cut = rest.lastIndexOf("\n\n", max);
            if (cut < max / 2) {
                cut = rest.lastIndexOf('\n', max);
            }
            if (cut < max / 2) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 2) {
                cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}

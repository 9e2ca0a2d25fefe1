package studybuddy.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A typed line split into command name, {@code key=value} options and free text.
 * Only keys that the command declares count as options, so "/ask what does x=y mean" keeps its text.
 * Values may be quoted: {@code note="two words"}.
 */
public record CommandLine(String name, Map<String, String> options, String text) {

    /** True when the line is a command ("/next", "/next@StudyBuddyBot ..."). */
    public static boolean isCommand(String line) {
        return line != null && line.strip().startsWith("/") && line.strip().length() > 1;
    }

    /** The command word without slash and without an "@BotName" suffix, lower case; "" if none. */
    public static String commandName(String line) {
        String s = line.strip();
        if (!s.startsWith("/")) {
            return "";
        }
        int end = 1;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        String word = s.substring(1, end);
        int at = word.indexOf('@');
        if (at >= 0) {
            word = word.substring(0, at);
        }
        return word.toLowerCase(Locale.ROOT);
    }

    /** The "@BotName" a command word was addressed to, or "" when it has none. */
    public static String addressee(String line) {
        String s = line.strip();
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        String word = s.substring(0, end);
        int at = word.indexOf('@');
        return at < 0 ? "" : word.substring(at + 1);
    }

    /** Splits the arguments after the command word, treating {@code key=value} pairs of known keys as options. */
    public static CommandLine parse(String line, Set<String> optionNames) {
        String s = line.strip();
        String name = commandName(s);
        int start = 0;
        if (s.startsWith("/")) {
            start = 1;
            while (start < s.length() && !Character.isWhitespace(s.charAt(start))) {
                start++;
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> free = new ArrayList<>();
        for (String token : tokenize(s.substring(start))) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                String key = token.substring(0, eq).toLowerCase(Locale.ROOT);
                if (optionNames.contains(key)) {
                    options.put(key, unquote(token.substring(eq + 1)));
                    continue;
                }
            }
            free.add(token);
        }
        return new CommandLine(name, options, String.join(" ", free).strip());
    }

    /** Whitespace-separated tokens; a double-quoted part keeps its spaces (key="a b" is one token). */
    static List<String> tokenize(String s) {
        List<String> tokens = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (cur.length() > 0) {
                    tokens.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            tokens.add(cur.toString());
        }
        return tokens;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}

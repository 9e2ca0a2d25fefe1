package studybuddy.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cleans what people type before anything else sees it: control characters (NUL, ESC, BEL, DEL, C1 codes…) are
 * removed, line feeds and tabs kept. PostgreSQL refuses a NUL in text, a terminal obeys ESC sequences, and none of
 * them is something a person meant to write.
 */
public final class InputText {
    private InputText() {
    }

    /** The text without control characters other than newline and tab; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !drop(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the common case: nothing to remove, no copy
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!drop(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Keys and values cleaned; an entry whose key is empty once cleaned, or whose value is null, is left out. */
    public static Map<String, String> cleanOptions(Map<String, String> options) {
        if (options == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            String key = clean(k);
            if (key != null && !key.isEmpty() && v != null) {
                out.put(key, clean(v));
            }
        });
        return out;
    }

    /** Whether the text holds a character {@link #clean} would remove. */
    public static boolean needsCleaning(String text) {
        return text != null && !clean(text).equals(text);
    }

    private static boolean drop(char c) {
        return c != '\n' && c != '\t' && Character.getType(c) == Character.CONTROL;
    }
}

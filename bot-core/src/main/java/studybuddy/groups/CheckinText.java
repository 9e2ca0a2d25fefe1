package studybuddy.groups;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads "done: … ; next: … ; blockers: …" (or 完成/下一步/阻碍) into the three answers. */
final class CheckinText {
    static final int MAX_ANSWER = 500;
    private static final Pattern LABEL = Pattern.compile(
            "(?i)(done|did|next|blockers?|blocked|完成|做了|下一步|计划|阻碍|困难|卡点)\\s*[:：]");

    private CheckinText() {
    }

    /** The answers found, keyed "done", "next", "blockers"; missing ones are absent. */
    static Map<String, String> parse(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher m = LABEL.matcher(text);
        String key = null;
        int start = 0;
        while (m.find()) {
            if (key != null) {
                put(parts, key, text.substring(start, m.start()));
            }
            key = canonical(m.group(1));
            start = m.end();
        }
        if (key != null) {
            put(parts, key, text.substring(start));
        }
        return parts;
    }

    private static void put(Map<String, String> parts, String key, String raw) {
        String v = raw.strip();
        while (v.endsWith(";") || v.endsWith(";")) {
            v = v.substring(0, v.length() - 1).strip();
        }
        if (!v.isEmpty()) {
            parts.put(key, v);
        }
    }

    private static String canonical(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.startsWith("done") || l.equals("did") || l.equals("完成") || l.equals("做了")) {
            return "done";
        }
        if (l.equals("next") || l.equals("下一步") || l.equals("计划")) {
            return "next";
        }
        return "blockers";
    }

    static String shorten(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.codePointCount(0, one.length()) <= max ? one
                : one.substring(0, one.offsetByCodePoints(0, max - 1)) + "…";
    }
}

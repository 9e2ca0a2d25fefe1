package studybuddy.when;

import java.util.Comparator;
import java.util.Map;

/**
 * A read position in a normalised text, for the small recursive-descent grammars of times and dates. The text is
 * normalised one char for one char (lower case, full-width forms folded to ASCII), so a position in it is also a
 * position in what the learner typed and the rest can be cut from the original.
 */
public final class Cursor {
    private static final String ZH_DIGITS = "零一二三四五六七八九";
    private static final Map<String, Integer> EN_NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("forty-five", 45), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("ninety", 90), Map.entry("a couple of", 2), Map.entry("couple of", 2), Map.entry("a few", 3));
    private static final String[] EN_NUMBER_WORDS = EN_NUMBERS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);

    private final String s;
    private int pos;

    public Cursor(String normalised) {
        this.s = normalised;
    }

    /** Lower case, full-width ASCII forms and the ideographic space folded; exactly one char per char. */
    public static String normalise(String raw) {
        char[] out = new char[raw.length()];
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch >= '\uFF01' && ch <= '\uFF5E') {
                ch = (char) (ch - 0xFEE0);
            } else if (ch == '\u3000' || Character.isWhitespace(ch)) {
                ch = ' ';
            }
            char lower = Character.toLowerCase(ch);
            out[i] = lower;
        }
        return new String(out);
    }

    public String text() {
        return s;
    }

    public int pos() {
        return pos;
    }

    public void reset(int p) {
        pos = p;
    }

    public void skipSpaces() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    public boolean atEnd() {
        int p = pos;
        skipSpaces();
        boolean end = pos >= s.length();
        pos = p;
        return end;
    }

    /** The next char after spaces, or 0 at the end; does not move. */
    public char peek() {
        int p = pos;
        skipSpaces();
        char ch = pos < s.length() ? s.charAt(pos) : 0;
        pos = p;
        return ch;
    }

    /**
     * Takes {@code word} after optional spaces. A word ending in a Latin letter must not run on into another
     * letter ("mon" does not match "monday"); digits may follow ("1h30").
     */
    public boolean lit(String word) {
        int p = pos;
        skipSpaces();
        if (s.startsWith(word, pos)) {
            int end = pos + word.length();
            char last = word.charAt(word.length() - 1);
            if (!(isLatin(last) && end < s.length() && isLatin(s.charAt(end)))) {
                pos = end;
                return true;
            }
        }
        pos = p;
        return false;
    }

    /** The longest of {@code words} that matches here; null when none. */
    public String oneOf(String... words) {
        int p = pos;
        skipSpaces();
        int at = pos;
        pos = p;
        String best = null;
        for (String w : words) {
            if ((best == null || w.length() > best.length()) && matchesAt(w, at)) {
                best = w;
            }
        }
        if (best != null) {
            pos = at + best.length();
        }
        return best;
    }

    private boolean matchesAt(String word, int at) {
        if (!s.startsWith(word, at)) {
            return false;
        }
        int end = at + word.length();
        char last = word.charAt(word.length() - 1);
        return !(isLatin(last) && end < s.length() && isLatin(s.charAt(end)));
    }

    /** Up to {@code maxLen} ASCII digits; null when none. */
    public Integer digits(int maxLen) {
        int p = pos;
        skipSpaces();
        int start = pos;
        while (pos < s.length() && pos - start < maxLen && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start || (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9')) {
            pos = p;
            return null;
        }
        return Integer.parseInt(s.substring(start, pos));
    }

    /** A count written in digits, Chinese numerals ("十九", "两") or, with {@code words}, English ("two", "an"). */
    public Integer number(boolean words) {
        Integer n = digits(9);
        if (n != null) {
            return n;
        }
        n = chineseNumber();
        if (n != null || !words) {
            return n;
        }
        int p = pos;
        for (String w : EN_NUMBER_WORDS) {
            if (lit(w)) {
                return EN_NUMBERS.get(w);
            }
        }
        pos = p;
        return null;
    }

    /** Chinese numerals up to 99: 七, 十, 十九, 二十三, 两, 零五. */
    public Integer chineseNumber() {
        int p = pos;
        skipSpaces();
        int value = 0;
        int digit = -1;
        boolean any = false;
        boolean tens = false;
        while (pos < s.length()) {
            char ch = s.charAt(pos);
            if (ch == '零') {
                any = true;
                pos++;
                continue;
            }
            int d = ch == '两' ? 2 : ZH_DIGITS.indexOf(ch);
            if (d >= 0 && digit < 0) {
                digit = d;
            } else if (ch == '十' && !tens) {
                value = (digit < 0 ? 1 : digit) * 10;
                digit = -1;
                tens = true;
            } else {
                break;
            }
            any = true;
            pos++;
        }
        if (!any) {
            pos = p;
            return null;
        }
        return value + Math.max(digit, 0);
    }

    private static boolean isLatin(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }
}

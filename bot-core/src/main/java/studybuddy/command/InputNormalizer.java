package studybuddy.command;

import java.util.regex.Pattern;

/**
 * What Chinese keyboards type, made parseable before anything reads it: full-width digits ("１０"), the full-width
 * slash ("／next"), the ideographic space, full-width forms inside a command word ("／ｎｅｘｔ"), "＝" and "：" in
 * options and times, and punctuation stuck to the end of a command ("/next，", "/next！"). Free text keeps its
 * Chinese punctuation.
 */
public final class InputNormalizer {
    /** Punctuation an input method leaves after a command word. */
    private static final Pattern TRAILING_ON_WORD = Pattern.compile("[\\p{Punct}，。！？、；：…·～]+$");
    /** Separators left at the very end of a command line ("/setup hours=10，"); sentence ends stay. */
    private static final Pattern TRAILING_ON_LINE = Pattern.compile("[,，!！、;；]+$");
    private static final Pattern COLON_BETWEEN_DIGITS = Pattern.compile("(?<=\\d)[：∶](?=\\d)");

    private InputNormalizer() {
    }

    public static String normalize(String line) {
        if (line == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= '０' && c <= '９') {
                sb.append((char) (c - '０' + '0'));
            } else if (c == '\u3000') {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        String s = COLON_BETWEEN_DIGITS.matcher(sb.toString().strip()).replaceAll(":");
        if (s.startsWith("／")) {
            s = "/" + s.substring(1);
        }
        if (!s.startsWith("/")) {
            return s;
        }
        int end = 1;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        String word = "/" + TRAILING_ON_WORD.matcher(ascii(s.substring(1, end))).replaceAll("");
        String rest = s.substring(end).replace('＝', '=');
        return TRAILING_ON_LINE.matcher(word + rest).replaceAll("").strip();
    }

    /** Full-width ASCII forms (Ａ, ｎ, ＠, ＿) as plain ASCII. */
    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
        }
        return sb.toString();
    }
}

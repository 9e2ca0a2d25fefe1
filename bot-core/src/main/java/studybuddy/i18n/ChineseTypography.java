package studybuddy.i18n;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese punctuation in Chinese sentences: a half-width , : ; ! ? ( ) written next to a Chinese character becomes
 * its full-width form (，：；！？（）), and the space typed after it goes. Times ("18:00"), URLs, code and English
 * sentences keep theirs. For texts written with a Western keyboard, such as the knowledge base's answers.
 */
public final class ChineseTypography {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** Punctuation after a Chinese character or closing mark: "开发人员,很快" → "开发人员，很快". */
    private static final Pattern AFTER_HAN = Pattern.compile("(?<=[\\p{IsHan}）”])([,:;!?]) ?");
    /** Punctuation before a Chinese character: "技能:下班后" is covered above; ",下班" after a Latin word too. */
    private static final Pattern BEFORE_HAN = Pattern.compile("(?<=[A-Za-z0-9)])([,:;!?]) ?(?=\\p{IsHan})");
    /** A bracketed aside that holds Chinese, or sits right after it: "(关系)数据库", "课程(推荐)". */
    private static final Pattern LIST_NUMBER = Pattern.compile("(?<=\\d)\\)(?=[\\p{IsHan}《“「])");
    private static final Pattern PARENS = Pattern.compile("\\(([^()]*)\\)");

    private ChineseTypography() {
    }

    public static String fix(String text) {
        if (text == null || !HAN.matcher(text).find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = PARENS.matcher(text);
        while (m.find()) {
            boolean chinese = HAN.matcher(m.group(1)).find()
                    || m.start() > 0 && HAN.matcher(text.substring(m.start() - 1, m.start())).matches();
            m.appendReplacement(out, Matcher.quoteReplacement(chinese ? "（" + m.group(1) + "）" : m.group()));
        }
        m.appendTail(out);
        // a list number before Chinese or a Chinese opening mark: "1)软件工程" → "1）软件工程", "3)《书名》" → "3）《书名》"
        String s = replace(AFTER_HAN, LIST_NUMBER.matcher(out.toString()).replaceAll("）"));
        return replace(BEFORE_HAN, s);
    }

    private static String replace(Pattern p, String s) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(fullWidth(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String fullWidth(String c) {
        return switch (c) {
            case "," -> "，";
            case ":" -> "：";
            case ";" -> "；";
            case "!" -> "！";
            case "?" -> "？";
            default -> c;
        };
    }
}

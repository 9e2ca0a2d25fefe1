package studybuddy.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages every text of the bot exists in. */
public enum Lang {
    EN("en", Locale.ENGLISH),
    ZH("zh", Locale.SIMPLIFIED_CHINESE);

    private final String code;
    private final Locale locale;

    Lang(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** Parses "en", "zh", "zh-CN", "zh_TW", "EN-us", "中文", "english"…; empty when it is neither language. */
    public static Optional<Lang> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.startsWith("zh") || v.equals("chinese") || v.equals("中文") || v.equals("汉语") || v.equals("简体中文")) {
            return Optional.of(ZH);
        }
        if (v.startsWith("en") || v.equals("英文") || v.equals("英语")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /** A platform locale ("zh-CN", "en-US", "de") mapped to a supported language, English by default. */
    public static Lang fromLocaleTag(String tag) {
        return parse(tag).orElse(EN);
    }

    /** Guesses the language of a free text: Chinese when it holds any CJK ideograph. */
    public static Lang detect(String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                    return ZH;
                }
                i += Character.charCount(cp);
            }
        }
        return EN;
    }
}

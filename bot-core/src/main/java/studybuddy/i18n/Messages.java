package studybuddy.i18n;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts of one capability, in English and Chinese.
 * Each capability keeps its own bundle ({@code i18n/<name>_en.properties}, {@code i18n/<name>_zh.properties})
 * so that capabilities never edit each other's files. Properties files are read as UTF-8.
 */
public final class Messages {
    private final String bundle;
    private final Map<Lang, ResourceBundle> bundles = new EnumMap<>(Lang.class);

    public Messages(String name) {
        this.bundle = "i18n/" + name;
        for (Lang lang : Lang.values()) {
            bundles.put(lang, ResourceBundle.getBundle(bundle, lang.locale(), NoFallback.INSTANCE));
        }
        // Every key must exist in every language: fail at start-up rather than show a user a raw key.
        for (String key : bundles.get(Lang.EN).keySet()) {
            for (Lang lang : Lang.values()) {
                if (!bundles.get(lang).containsKey(key)) {
                    throw new IllegalStateException("Message '" + key + "' of " + bundle + " has no " + lang.code() + " text");
                }
            }
        }
        for (String key : bundles.get(Lang.ZH).keySet()) {
            if (!bundles.get(Lang.EN).containsKey(key)) {
                throw new IllegalStateException("Message '" + key + "' of " + bundle + " has no en text");
            }
        }
    }

    /** The text for a key, with {0}-style arguments filled in. */
    public String get(Lang lang, String key, Object... args) {
        String pattern;
        try {
            pattern = bundles.get(lang).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("Unknown message key '" + key + "' in " + bundle, e);
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), lang.locale()).format(args);
    }

    public boolean has(String key) {
        return bundles.get(Lang.EN).containsKey(key);
    }

    /** Loads exactly the bundle asked for: no silent fallback to the JVM's default locale. */
    private static final class NoFallback extends ResourceBundle.Control {
        static final NoFallback INSTANCE = new NoFallback();

        @Override
        public java.util.List<java.util.Locale> getCandidateLocales(String baseName, java.util.Locale locale) {
            return java.util.List.of(new java.util.Locale(locale.getLanguage()));
        }

        @Override
        public java.util.Locale getFallbackLocale(String baseName, java.util.Locale locale) {
            return null;
        }
    }
}

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
    /**
     * Per language, the texts whose arguments are all plain "{n}", cut at them once: a new MessageFormat parsed the
     * text and built a number format for every number on every call, half the CPU of a command such as /roadmap.
     */
    private final Map<Lang, Map<String, Template>> templates = new EnumMap<>(Lang.class);

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
        for (Lang lang : Lang.values()) {
            Map<String, Template> byKey = new java.util.HashMap<>();
            for (String key : bundles.get(lang).keySet()) {
                Template.of(bundles.get(lang).getString(key)).ifPresent(t -> byKey.put(key, t));
            }
            templates.put(lang, Map.copyOf(byKey));
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
        Template template = templates.get(lang).get(key);
        if (template != null) {
            String filled = template.fill(args);
            if (filled != null) {
                return filled;
            }
        }
        return new MessageFormat(pattern.replace("'", "''"), lang.locale()).format(args);
    }

    /**
     * A text cut at its "{n}" arguments. Fills in what MessageFormat would write for strings and for whole numbers
     * below 1 000 (no grouping separator to place); anything else is left to MessageFormat.
     */
    private record Template(String[] literals, int[] args) {
        private static final java.util.regex.Pattern ARG = java.util.regex.Pattern.compile("\\{(\\d)}");

        /** Empty when the text has an argument with a format ("{0,choice,…}") or a brace of its own. */
        static java.util.Optional<Template> of(String pattern) {
            java.util.List<String> literals = new java.util.ArrayList<>();
            java.util.List<Integer> args = new java.util.ArrayList<>();
            java.util.regex.Matcher m = ARG.matcher(pattern);
            int from = 0;
            while (m.find()) {
                literals.add(pattern.substring(from, m.start()));
                args.add(Integer.parseInt(m.group(1)));
                from = m.end();
            }
            literals.add(pattern.substring(from));
            if (literals.stream().anyMatch(l -> l.indexOf('{') >= 0 || l.indexOf('}') >= 0)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Template(literals.toArray(String[]::new),
                    args.stream().mapToInt(Integer::intValue).toArray()));
        }

        /** The text filled in, or null when an argument needs MessageFormat's own formatting. */
        String fill(Object[] values) {
            StringBuilder out = new StringBuilder(literals[0].length() + 16 * args.length);
            out.append(literals[0]);
            for (int i = 0; i < args.length; i++) {
                int index = args[i];
                if (index >= values.length) {
                    out.append('{').append(index).append('}'); // as MessageFormat leaves a missing argument
                } else {
                    Object v = values[index];
                    if (v == null || v instanceof String) {
                        out.append(v);
                    } else if ((v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)
                            && Math.abs(((Number) v).longValue()) < 1000) {
                        out.append(((Number) v).longValue());
                    } else {
                        return null;
                    }
                }
                out.append(literals[i + 1]);
            }
            return out.toString();
        }
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

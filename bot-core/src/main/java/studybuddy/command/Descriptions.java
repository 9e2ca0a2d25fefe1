package studybuddy.command;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;

/** The description texts of commands and options, from each command's bundle (for /help and platform menus). */
public final class Descriptions {
    private static final Map<String, Messages> BUNDLES = new ConcurrentHashMap<>();

    private Descriptions() {
    }

    public static String of(CommandSpec spec, Lang lang) {
        return bundle(spec).get(lang, spec.descriptionKey());
    }

    public static String of(CommandSpec spec, OptionSpec option, Lang lang) {
        return bundle(spec).get(lang, option.descriptionKey());
    }

    private static Messages bundle(CommandSpec spec) {
        return BUNDLES.computeIfAbsent(spec.bundle(), Messages::new);
    }
}

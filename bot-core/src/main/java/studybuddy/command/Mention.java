package studybuddy.command;

import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mention of a user inside a reply's light markup: {@code @[Name](user:ID)}. Each platform renders it its own way
 * so that it notifies the person (Discord {@code <@ID>}, Telegram a tg://user link), the console as {@code @Name}.
 */
public final class Mention {
    static final Pattern PATTERN = Pattern.compile("@\\[([^\\]\\n]{1,100})]\\(user:([A-Za-z0-9_-]{1,64})\\)");

    private Mention() {
    }

    public static String of(String userId, String displayName) {
        String name = displayName.replace("]", ")").replace("\n", " ");
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return "@[" + name + "](user:" + userId + ")";
    }

    /** The text with every mention replaced by {@code render(userId, name)}. */
    public static String render(String text, BiFunction<String, String, String> render) {
        Matcher m = PATTERN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(render.apply(m.group(2), m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Mentions as plain "@Name". */
    public static String plain(String text) {
        return render(text, (id, name) -> "@" + name);
    }
}

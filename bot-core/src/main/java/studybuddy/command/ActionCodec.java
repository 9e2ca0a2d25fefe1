package studybuddy.command;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one encoder of button actions. An action is a command line the core understands when it comes back
 * ("/done unit=ml-spec-1"), so a pressed button and a typed line take the same path.
 * Telegram limits callback data to 64 bytes, Discord custom ids to 100 characters: actions must fit 64 bytes.
 */
public final class ActionCodec {
    public static final int MAX_BYTES = 64;
    /**
     * A button's option value meaning "ask the user for this one": Discord, which cannot read a typed answer,
     * opens a form with that field; the other platforms' handlers ask for it in the chat.
     */
    public static final String ASK = "ask";

    private ActionCodec() {
    }

    public static String encode(String command, Map<String, String> options) {
        StringJoiner line = new StringJoiner(" ");
        line.add("/" + command);
        options.forEach((k, v) -> line.add(k + "=" + (v.contains(" ") ? "\"" + v + "\"" : v)));
        String action = line.toString();
        if (action.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("button action longer than " + MAX_BYTES + " bytes: " + action);
        }
        return action;
    }

    public static String encode(String command) {
        return encode(command, Map.of());
    }

    public static String encode(String command, String key, String value) {
        return encode(command, Map.of(key, value));
    }
}

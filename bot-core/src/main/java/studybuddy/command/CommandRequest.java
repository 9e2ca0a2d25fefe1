package studybuddy.command;

import java.util.Map;

/**
 * A command as the core receives it, whatever the platform.
 *
 * @param caller  who and where
 * @param name    the command name without slash, lower case (aliases already resolved by the dispatcher)
 * @param options typed options by name (from key=value pairs, a slash command's options or a button)
 * @param text    the free text of the line after the command and its key=value pairs (e.g. the question of /ask)
 */
public record CommandRequest(Caller caller, String name, Map<String, String> options, String text) {
    public CommandRequest {
        options = Map.copyOf(options == null ? Map.of() : options);
        text = text == null ? "" : text.strip();
    }

    public String option(String key) {
        return options.get(key);
    }

    public boolean has(String key) {
        String v = options.get(key);
        return v != null && !v.isBlank();
    }
}

package studybuddy.command;

import java.util.List;

/**
 * A command, defined once in the core and rendered by every adapter.
 *
 * @param name           lower-case ASCII, at most 32 characters
 * @param aliases        other names typed lines may use (e.g. setup for start)
 * @param bundle         the message bundle holding its description texts
 * @param descriptionKey message key of its one-line description
 * @param options        its options, in order
 * @param audience       who may use it where
 * @param handler        what it does
 * @param completer      suggestions for options marked autocomplete
 */
public record CommandSpec(String name, List<String> aliases, String bundle, String descriptionKey,
                          List<OptionSpec> options, Audience audience, CommandHandler handler, Completer completer) {
    public CommandSpec {
        if (name == null || !name.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("command name must be lower-case and at most 32 characters: " + name);
        }
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        options = List.copyOf(options == null ? List.of() : options);
        if (options.size() > 25) {
            throw new IllegalArgumentException("command " + name + " has more than 25 options");
        }
        completer = completer == null ? Completer.NONE : completer;
    }
}

package studybuddy.command;

import java.util.List;

/**
 * One option of a command.
 *
 * @param name          lower-case ASCII, at most 32 characters (fits Discord's rules)
 * @param type          value type
 * @param required      whether the one-line form must have it (dialogues still ask for missing ones)
 * @param choices       the fixed set of values, when there is one (rendered as choices); empty otherwise
 * @param autocomplete  true when the set is large and the platform should ask {@link CommandSpec#completer()}
 * @param descriptionKey the message key of its description in the command's bundle
 */
public record OptionSpec(String name, OptionType type, boolean required, List<String> choices, boolean autocomplete,
                         String descriptionKey) {
    public OptionSpec {
        if (name == null || !name.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("option name must be lower-case and at most 32 characters: " + name);
        }
        choices = List.copyOf(choices == null ? List.of() : choices);
    }

    public static OptionSpec text(String name, boolean required, String descriptionKey) {
        return new OptionSpec(name, OptionType.STRING, required, List.of(), false, descriptionKey);
    }

    public static OptionSpec choice(String name, boolean required, List<String> choices, String descriptionKey) {
        return new OptionSpec(name, OptionType.STRING, required, choices, false, descriptionKey);
    }

    public static OptionSpec autocomplete(String name, boolean required, String descriptionKey) {
        return new OptionSpec(name, OptionType.STRING, required, List.of(), true, descriptionKey);
    }

    public static OptionSpec integer(String name, boolean required, String descriptionKey) {
        return new OptionSpec(name, OptionType.INTEGER, required, List.of(), false, descriptionKey);
    }
}

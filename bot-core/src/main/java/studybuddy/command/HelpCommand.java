package studybuddy.command;

import java.util.List;
import java.util.function.Supplier;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;

/** /help: every command with its one-line description, from the specs themselves. */
public final class HelpCommand {
    private static final Messages MSG = new Messages("core");

    private HelpCommand() {
    }

    public static CommandSpec spec(Supplier<List<CommandSpec>> all, java.util.function.Function<Caller, Lang> langOf) {
        return new CommandSpec("help", List.of("h", "commands"), "core", "help.description", List.of(), Audience.GROUP,
                request -> {
                    Lang lang = langOf.apply(request.caller());
                    StringBuilder text = new StringBuilder(MSG.get(lang, "help.intro")).append('\n');
                    // Commands come grouped by capability (their bundle), each group under its own heading.
                    String section = null;
                    for (CommandSpec spec : all.get()) {
                        if (!spec.bundle().equals(section)) {
                            section = spec.bundle();
                            String heading = "help.section." + section;
                            text.append('\n');
                            if (MSG.has(heading)) {
                                text.append("**").append(MSG.get(lang, heading)).append("**\n");
                            }
                        }
                        text.append('/').append(spec.name());
                        if (lang == Lang.ZH && !CommandAliases.chinese(spec.name()).isEmpty()) {
                            text.append("（/").append(CommandAliases.chinese(spec.name()).get(0)).append('）');
                        }
                        text.append(" — ")
                                .append(Descriptions.of(spec, lang)).append('\n');
                    }
                    // in a Discord server typed text is not read: point to DMs and /ask instead
                    text.append('\n').append(MSG.get(lang, request.caller().readsTypedText() ? "help.outro" : "help.outro.server"));
                    return Reply.text(text.toString().strip());
                }, null);
    }
}

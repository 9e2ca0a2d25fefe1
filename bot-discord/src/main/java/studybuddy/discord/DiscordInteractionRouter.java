package studybuddy.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.ActionCodec;
import studybuddy.command.Audience;
import studybuddy.command.Caller;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandLine;
import studybuddy.command.CommandSpec;
import studybuddy.command.Descriptions;
import studybuddy.command.OptionSpec;
import studybuddy.command.OptionType;
import studybuddy.command.Reply;
import studybuddy.i18n.Messages;
import studybuddy.storage.Database;

/**
 * Discord interactions, as plain data, → core calls → {@link DiscordResponse}s. No JDA events and no network here,
 * so every path is testable; {@link DiscordListener} only copies event data in and sends responses out.
 *
 * <p>Modals: a button whose action is {@code /checkin …} or {@code /note …} (commands the core may define) opens a
 * form instead of running at once — one short text field per free STRING option of the spec that the action does not
 * already set (at most four) plus a paragraph field {@value DiscordCommandTranslator#TEXT}. The form's custom id is
 * {@value #MODAL_PREFIX} + the action; its submit runs {@code dispatcher.handle(caller, command, options, text)}
 * with the action's options plus the fields.
 */
public final class DiscordInteractionRouter {
    /** Custom id prefix of the forms opened for {@link #MODAL_COMMANDS}. */
    public static final String MODAL_PREFIX = "modal:";
    /** Commands whose buttons open a form for longer input. */
    public static final Set<String> MODAL_COMMANDS = Set.of("checkin", "note");
    /** Commands whose replies read better as an embed. */
    public static final Set<String> EMBED_COMMANDS = Set.of("roadmap", "progress");
    /**
     * Group commands whose answers the core gives privately on a server (a member's own check-in, away time and
     * note): deferred privately at once, so no public "thinking…" shows for them.
     */
    public static final Set<String> PRIVATE_ON_SERVER = Set.of("checkin", "away", "note");
    private static final int MAX_FORM_FIELDS = 5;
    private static final Logger log = LoggerFactory.getLogger(DiscordInteractionRouter.class);
    private static final Messages MSG = new Messages("discord");

    private final CommandDispatcher dispatcher;

    public DiscordInteractionRouter(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Whether the answer to a command (by name or as an action line) will be private, decided before running it so
     * that the interaction can be deferred at once: personal commands on a server, and server settings for
     * members who may not change them.
     */
    public boolean expectsEphemeral(Caller caller, String commandOrAction) {
        return expectsEphemeral(caller, commandOrAction, Map.of());
    }

    /**
     * As {@link #expectsEphemeral(Caller, String)}, also knowing the slash command's options: an admin-only choice
     * ({@link DiscordCommandTranslator#ADMIN_CHOICES}, e.g. {@code /group action:setup}) by a member without Manage
     * Server is refused privately, and {@link #PRIVATE_ON_SERVER} answers are private on a server.
     */
    public boolean expectsEphemeral(Caller caller, String commandOrAction, Map<String, String> options) {
        if (!caller.groupChat()) {
            return false;
        }
        boolean line = CommandLine.isCommand(commandOrAction);
        String name = line ? CommandLine.commandName(commandOrAction) : commandOrAction;
        Optional<CommandSpec> spec = dispatcher.spec(name);
        if (spec.isEmpty()) {
            return true;
        }
        if (spec.get().audience() == Audience.PERSONAL
                || (spec.get().audience() == Audience.GROUP_ADMIN && !caller.chatAdmin())
                || PRIVATE_ON_SERVER.contains(spec.get().name())) {
            return true;
        }
        Map<String, Set<String>> adminChoices = DiscordCommandTranslator.ADMIN_CHOICES
                .getOrDefault(spec.get().name(), Map.of());
        if (adminChoices.isEmpty() || caller.chatAdmin()) {
            return false;
        }
        Map<String, String> given = new LinkedHashMap<>(options);
        if (line) {
            try {
                given.putAll(CommandLine.parse(commandOrAction, optionNames(spec.get())).options());
            } catch (RuntimeException e) {
                return false;
            }
        }
        return adminChoices.entrySet().stream().anyMatch(e -> given.get(e.getKey()) != null
                && e.getValue().contains(given.get(e.getKey()).strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** A slash command with its options as strings; the added {@code text} option becomes the core's free text. */
    public DiscordResponse slash(Caller caller, String command, Map<String, String> options) {
        try {
            Map<String, String> opts = new LinkedHashMap<>(options);
            Optional<CommandSpec> spec = dispatcher.spec(command);
            String text = "";
            if (spec.isEmpty() || DiscordCommandTranslator.hasTextOption(spec.get())) {
                String t = opts.remove(DiscordCommandTranslator.TEXT);
                text = t == null ? "" : t;
            }
            Reply reply = dispatcher.handle(caller, command, opts, text);
            return render(reply, spec.map(CommandSpec::name).orElse(command));
        } catch (RuntimeException e) {
            rethrowIfDatabaseDown(e);
            return failed(caller, "/" + command, e);
        }
    }

    /** A pressed button or a chosen select-menu entry: the action is a command line, as if typed. */
    public DiscordResponse action(Caller caller, String action) {
        try {
            Optional<Reply> reply = dispatcher.handle(caller, action);
            String name = dispatcher.spec(CommandLine.commandName(action)).map(CommandSpec::name).orElse("");
            return render(reply.orElse(Reply.text("").asEphemeral()), name);
        } catch (RuntimeException e) {
            rethrowIfDatabaseDown(e);
            return failed(caller, action, e);
        }
    }

    /**
     * A message typed in a DM (plain question, a dialogue answer, or a command line): empty when the core stays
     * silent. Discord delivers DM text without the privileged message-content intent.
     */
    public Optional<DiscordResponse> typed(Caller caller, String text) {
        try {
            return dispatcher.handle(caller, text)
                    .map(reply -> render(reply, dispatcher.spec(CommandLine.commandName(text)).map(CommandSpec::name)
                            .orElse("")));
        } catch (RuntimeException e) {
            return Optional.of(failed(caller, "a DM", e));
        }
    }

    /** The form a button opens instead of running its action, when the action is a {@link #MODAL_COMMANDS} one. */
    public Optional<Modal> modalFor(Caller caller, String action) {
        if (!CommandLine.isCommand(action)) {
            return Optional.empty();
        }
        Optional<CommandSpec> found = dispatcher.spec(CommandLine.commandName(action));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> presetOptions = CommandLine.parse(action, optionNames(found.get())).options();
        // an option preset to "ask" (e.g. "Add a link" under /done) is asked in a form: Discord reads no typed answer
        boolean asks = presetOptions.containsValue(ActionCodec.ASK);
        if (!MODAL_COMMANDS.contains(found.get().name()) && !asks) {
            return Optional.empty();
        }
        CommandSpec spec = found.get();
        String id = MODAL_PREFIX + action.strip();
        if (id.length() > Modal.MAX_ID_LENGTH) {
            return Optional.empty();
        }
        Set<String> preset = presetOptions.entrySet().stream().filter(e -> !e.getValue().equals(ActionCodec.ASK))
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        List<Label> fields = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (fields.size() == MAX_FORM_FIELDS - 1) {
                break;
            }
            if (option.type() != OptionType.STRING || !option.choices().isEmpty() || preset.contains(option.name())
                    || option.name().equals(DiscordCommandTranslator.TEXT)) {
                continue;
            }
            boolean asked = ActionCodec.ASK.equals(presetOptions.get(option.name()));
            if (asks && !asked) {
                continue; // a form for the asked option only
            }
            TextInput input = TextInput.create(option.name(), TextInputStyle.SHORT)
                    .setRequired(option.required() || asked).setMaxLength(asked ? 500 : 200).build();
            fields.add(Label.of(label(describe(spec, option, caller), option.name()), input));
        }
        if (asks && !fields.isEmpty()) {
            return Optional.of(Modal.create(id, DiscordCommandTranslator.truncate(
                    MSG.get(caller.platformLang(), "modal.title", spec.name()), Modal.MAX_TITLE_LENGTH))
                    .addComponents(fields).build());
        }
        TextInput text = TextInput.create(DiscordCommandTranslator.TEXT, TextInputStyle.PARAGRAPH)
                .setRequired(fields.isEmpty()).setMaxLength(CommandDispatcher.MAX_INPUT > 4000 ? 4000
                        : CommandDispatcher.MAX_INPUT).build();
        fields.add(Label.of(label(MSG.get(caller.platformLang(), "modal.text"), DiscordCommandTranslator.TEXT), text));
        String title = DiscordCommandTranslator.truncate(MSG.get(caller.platformLang(), "modal.title", spec.name()),
                Modal.MAX_TITLE_LENGTH);
        return Optional.of(Modal.create(id, title).addComponents(fields).build());
    }

    /** A submitted form: the action in its id plus the fields' values; {@code text} is the free text. */
    public DiscordResponse modal(Caller caller, String modalId, Map<String, String> fields) {
        String action = modalId.startsWith(MODAL_PREFIX) ? modalId.substring(MODAL_PREFIX.length()) : modalId;
        try {
            Optional<CommandSpec> spec = dispatcher.spec(CommandLine.commandName(action));
            if (spec.isEmpty()) {
                return action(caller, action);
            }
            CommandLine parsed = CommandLine.parse(action, optionNames(spec.get()));
            Map<String, String> options = new LinkedHashMap<>(parsed.options());
            String text = parsed.text();
            for (Map.Entry<String, String> f : fields.entrySet()) {
                if (f.getValue() == null || f.getValue().isBlank()) {
                    continue;
                }
                if (f.getKey().equals(DiscordCommandTranslator.TEXT) && DiscordCommandTranslator.hasTextOption(spec.get())) {
                    text = (text + "\n" + f.getValue()).strip();
                } else {
                    options.put(f.getKey(), f.getValue().strip());
                }
            }
            Reply reply = dispatcher.handle(caller, spec.get().name(), options, text);
            return render(reply, spec.get().name());
        } catch (RuntimeException e) {
            rethrowIfDatabaseDown(e);
            return failed(caller, action, e);
        }
    }

    /** Suggestions for an autocomplete option: the spec's completer, as Discord choices (at most 25). */
    public List<Command.Choice> autocomplete(Caller caller, String command, String option, String typed) {
        try {
            Optional<CommandSpec> spec = dispatcher.spec(command);
            if (spec.isEmpty()) {
                return List.of();
            }
            boolean integer = spec.get().options().stream()
                    .anyMatch(o -> o.name().equals(option) && o.type() == OptionType.INTEGER);
            List<Command.Choice> choices = new ArrayList<>();
            for (studybuddy.command.Button b : spec.get().completer().complete(caller, option, typed == null ? "" : typed)) {
                if (choices.size() == DiscordCommandTranslator.MAX_CHOICES) {
                    break;
                }
                String name = DiscordCommandTranslator.truncate(b.label(), DiscordCommandTranslator.MAX_CHOICE);
                if (integer) {
                    try {
                        choices.add(new Command.Choice(name, Long.parseLong(b.action().strip())));
                    } catch (NumberFormatException e) {
                        // not a number: cannot be offered for an integer option
                    }
                } else if (b.action().length() <= DiscordCommandTranslator.MAX_CHOICE) {
                    choices.add(new Command.Choice(name, b.action()));
                }
            }
            return choices;
        } catch (RuntimeException e) {
            log.warn("Autocomplete of /{} {} for discord user {} failed; offered nothing: {}", command, option,
                    caller.userId(), e.toString());
            return List.of();
        }
    }

    /** The database being away is no failure of the command: the inbox tells the user and answers later. */
    private static void rethrowIfDatabaseDown(RuntimeException e) {
        if (Database.isUnavailable(e)) {
            throw e;
        }
    }

    /** The apology a failed interaction is answered with, privately. */
    public DiscordResponse failed(Caller caller, String what, Throwable e) {
        log.error("Discord interaction {} from user {} failed; answered with an apology: {}", what, caller.userId(),
                e.toString(), e);
        return DiscordRenderer.render(Reply.text(MSG.get(caller.platformLang(), "error.failed")).asEphemeral(), false);
    }

    private static DiscordResponse render(Reply reply, String command) {
        return DiscordRenderer.render(reply, EMBED_COMMANDS.contains(command));
    }

    private static Set<String> optionNames(CommandSpec spec) {
        return spec.options().stream().map(OptionSpec::name).collect(Collectors.toSet());
    }

    private static String describe(CommandSpec spec, OptionSpec option, Caller caller) {
        try {
            return Descriptions.of(spec, option, caller.platformLang());
        } catch (RuntimeException e) {
            return option.name();
        }
    }

    private static String label(String text, String fallback) {
        String t = text == null || text.isBlank() ? fallback : text.strip();
        return DiscordCommandTranslator.truncate(t, Label.LABEL_MAX_LENGTH);
    }
}

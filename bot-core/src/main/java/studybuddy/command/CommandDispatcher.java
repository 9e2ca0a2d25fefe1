package studybuddy.command;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.DialogueRepository;
import studybuddy.learner.LanguageGuess;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRepository;
import studybuddy.storage.Database;

/**
 * The one entry point of every platform: a typed line, a pressed button or a structured slash command goes in,
 * a platform-neutral reply comes out. It resolves aliases, enforces who may use a command where, feeds plain
 * text to a guided dialogue in progress (or, in a private chat, to /ask), and turns a failing handler into a
 * clear reply instead of an exception. Each message is one unit of work: one connection, one transaction, read
 * only for commands that only read.
 */
public final class CommandDispatcher {
    /** Option that carries a plain-text answer to the question a guided dialogue asked. */
    public static final String ANSWER = "_answer";
    /** Longest message handled; anything longer gets a clear refusal (Telegram's own limit is 4096). */
    public static final int MAX_INPUT = 4096;

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final Messages MSG = new Messages("core");

    private static final Set<String> KEEPS_DIALOGUE = Set.of("cancel");

    private final Map<String, CommandSpec> byName = new LinkedHashMap<>();
    private final Map<String, CommandSpec> byAlias = new HashMap<>();
    private final LearnerRepository learners;
    private final DialogueRepository dialogues;
    private final Database database;
    private volatile Observer observer = (command, outcome, took) -> { };
    private volatile java.util.function.Predicate<String> questions = text -> false;

    public CommandDispatcher(List<CommandSpec> specs, LearnerRepository learners, DialogueRepository dialogues) {
        this(specs, learners, dialogues, null);
    }

    /** With {@code database} null, each repository call is its own transaction (no unit of work). */
    public CommandDispatcher(List<CommandSpec> specs, LearnerRepository learners, DialogueRepository dialogues,
                             Database database) {
        this.learners = learners;
        this.dialogues = dialogues;
        this.database = database;
        for (CommandSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalStateException("command /" + spec.name() + " is defined twice");
            }
            for (String alias : spec.aliases()) {
                byAlias.put(alias, spec);
            }
            CommandAliases.chinese(spec.name()).forEach(alias -> byAlias.putIfAbsent(alias, spec));
        }
    }

    public List<CommandSpec> specs() {
        return List.copyOf(byName.values());
    }

    public Optional<CommandSpec> spec(String nameOrAlias) {
        return Optional.ofNullable(byName.getOrDefault(nameOrAlias, byAlias.get(nameOrAlias)));
    }

    /**
     * Told of every command run: its name, its outcome ({@code ok}, {@code refused}, {@code failed}, or
     * {@code passed_on} when a dialogue found the text was not its answer), its time.
     */
    @FunctionalInterface
    public interface Observer {
        void completed(String command, String outcome, java.time.Duration took);
    }

    public void observe(Observer observer) {
        this.observer = observer;
    }

    /**
     * How to tell a roadmap question the bot can answer from a mistyped answer, when text typed into a guided
     * dialogue is not its answer (see {@link NotAnAnswer#unlessAQuestion}). By default nothing is a question.
     */
    public void recogniseQuestions(java.util.function.Predicate<String> answerable) {
        this.questions = java.util.Objects.requireNonNull(answerable);
    }

    /**
     * Handles a typed line or a button action. Empty when the bot should stay silent (plain chatter in a group).
     * Control characters are removed first ({@link InputText}). When the database cannot be reached this throws
     * ({@link Database#isUnavailable}): the entry path tells the user and retries, see {@link studybuddy.inbox}.
     */
    public Optional<Reply> handle(Caller caller, String line) {
        String text = InputNormalizer.normalize(line == null ? "" : InputText.clean(line));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String command = CommandLine.isCommand(text) ? CommandLine.commandName(text) : null;
        try {
            return inUnit(() -> route(caller, text));
        } catch (RuntimeException e) {
            if (Database.isUnavailable(e)) {
                throw e; // not this message's fault: the entry path says the database is away and retries
            }
            if (command == null && caller.groupChat()) {
                // plain chatter in a group: no apology to a group that asked nothing
                log.error("Message from {} user {} in group chat {} failed; no reply: {}", caller.platform(),
                        caller.userId(), caller.chatId(), e.toString(), e);
                return Optional.empty();
            }
            return Optional.of(failed(caller, command == null ? "(text)" : "/" + truncate(command, 40), e));
        }
    }

    private Optional<Reply> route(Caller caller, String text) {
        if (text.length() > MAX_INPUT) {
            Learner learner = learners.findOrCreate(caller);
            if (caller.groupChat() && !CommandLine.isCommand(text) && dialogues.find(learner.id()).isEmpty()) {
                return Optional.empty(); // a long post in a group is chatter, not something to refuse
            }
            return Optional.of(Reply.text(MSG.get(learner.lang(), "input.tooLong", MAX_INPUT)));
        }
        if (!caller.groupChat()) {
            LanguageGuess.apply(learners, dialogues, caller, text);
        }
        if (CommandLine.isCommand(text)) {
            String name = CommandLine.commandName(text);
            Optional<CommandSpec> spec = spec(name);
            if (spec.isEmpty()) {
                return Optional.of(unknownCommand(learners.findOrCreate(caller).lang(), name));
            }
            Set<String> optionNames = spec.get().options().stream().map(OptionSpec::name).collect(Collectors.toSet());
            CommandLine parsed = CommandLine.parse(text, optionNames);
            return Optional.of(run(spec.get(), new CommandRequest(caller, spec.get().name(), parsed.options(), parsed.text())));
        }
        Learner learner = learners.findOrCreate(caller);
        Optional<DialogueRepository.Dialogue> dialogue = dialogues.find(learner.id());
        if (dialogue.isPresent() && spec(dialogue.get().command()).isPresent()) {
            CommandSpec spec = spec(dialogue.get().command()).get();
            try {
                return Optional.of(run(spec, new CommandRequest(caller, spec.name(), Map.of(ANSWER, text), "")));
            } catch (NotAnAnswer passedOn) {
                return Optional.of(passOn(caller, text, passedOn));
            }
        }
        if (caller.groupChat()) {
            return Optional.empty();
        }
        return spec("ask").map(ask -> run(ask, new CommandRequest(caller, ask.name(), Map.of(), text)));
    }

    /**
     * A dialogue found the text was not its answer. Closed dialogue: the text is answered as the message it is, after
     * the dialogue's note. Open dialogue: a question the Q&A answers confidently is answered and the dialogue's
     * question asked again after it; anything else gets the dialogue's own "I didn't get that".
     */
    private Reply passOn(Caller caller, String text, NotAnAnswer passedOn) {
        if (database != null) {
            database.noteWrite(); // the dialogue's handler may have written before it passed the text on
        }
        Optional<CommandSpec> ask = caller.groupChat() ? Optional.empty() : spec("ask");
        if (passedOn.keepsDialogue()) {
            if (ask.isEmpty() || !questions.test(text)) {
                return passedOn.fallback();
            }
            // the dialogue's own question follows, so no "your /start is still open" in between
            Reply answer = run(ask.get(), new CommandRequest(caller, ask.get().name(), Map.of(), text), false);
            Reply resume = passedOn.resume();
            List<Button> buttons = new java.util.ArrayList<>(answer.buttons());
            buttons.addAll(resume.buttons());
            return new Reply(answer.text() + "\n\n" + resume.text(), resume.choices(), buttons, false,
                    answer.attachments());
        }
        Reply note = Reply.text(passedOn.note());
        return ask.map(a -> run(a, new CommandRequest(caller, a.name(), Map.of(), text)))
                .map(answer -> new Reply(note.text() + "\n\n" + answer.text(), answer.choices(), answer.buttons(),
                        answer.ephemeral(), answer.attachments()))
                .orElse(note);
    }

    /** Handles a structured command (a Discord slash command with typed options). */
    public Reply handle(Caller caller, String command, Map<String, String> options, String text) {
        String name = InputText.clean(command);
        Map<String, String> cleanOptions = InputText.cleanOptions(options);
        String cleanText = InputText.clean(text);
        try {
            return inUnit(() -> {
                Optional<CommandSpec> spec = spec(name);
                if (spec.isEmpty()) {
                    return unknownCommand(learners.findOrCreate(caller).lang(), name);
                }
                try {
                    return run(spec.get(), new CommandRequest(caller, spec.get().name(), cleanOptions, cleanText));
                } catch (NotAnAnswer passedOn) {
                    // a form's field is no free message to answer
                    return passedOn.keepsDialogue() ? passedOn.fallback() : Reply.text(passedOn.note());
                }
            });
        } catch (RuntimeException e) {
            if (Database.isUnavailable(e)) {
                throw e;
            }
            return failed(caller, "/" + truncate(String.valueOf(name), 40), e);
        }
    }

    private <T> T inUnit(java.util.function.Supplier<T> work) {
        return database == null ? work.get() : database.inUnitOfWork(work);
    }

    // Runs inside the message's unit of work; an exception rolls the whole command back.
    private Reply run(CommandSpec spec, CommandRequest request) {
        return run(spec, request, true);
    }

    /** @param remindOfDialogue whether to add "your /x is still open" when another command's dialogue is pending */
    private Reply run(CommandSpec spec, CommandRequest request, boolean remindOfDialogue) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            String[] result = {"ok"};
            Reply reply = run(spec, request, result, remindOfDialogue);
            outcome = result[0];
            return reply;
        } catch (NotAnAnswer passedOn) {
            outcome = "passed_on";
            throw passedOn;
        } finally {
            observer.completed(spec.name(), outcome, java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Runs the handler; {@code outcome[0]} becomes "refused" when it is not run. */
    private Reply run(CommandSpec spec, CommandRequest request, String[] outcome, boolean remindOfDialogue) {
        Caller caller = request.caller();
        Learner learner = learners.findOrCreate(caller);
        Lang lang = learner.lang();
        if (!learner.reachable() && !caller.groupChat()) {
            // They wrote to the bot privately, so it can reach them again (they unblocked it, reopened DMs).
            learners.setReachable(learner.id(), true, null);
        }
        if (spec.audience() == Audience.GROUP_ADMIN) {
            if (!caller.groupChat()) {
                outcome[0] = "refused";
                return Reply.text(MSG.get(lang, "command.groupOnly", spec.name()));
            }
            if (!caller.chatAdmin()) {
                outcome[0] = "refused";
                return Reply.text(MSG.get(lang, "command.adminOnly", spec.name())).asEphemeral();
            }
        }
        // Another command typed in the middle of a guided dialogue is answered, and the dialogue stays open with a
        // reminder (a learner who checks /help or /next during /start expects to carry on, not to start over);
        // /cancel ends it. A command that starts its own dialogue replaces the old one.
        Optional<DialogueRepository.Dialogue> pending = !remindOfDialogue || request.options().containsKey(ANSWER)
                || KEEPS_DIALOGUE.contains(spec.name()) ? Optional.empty()
                : dialogues.find(learner.id()).filter(d -> !d.command().equals(spec.name()));
        if (spec.handler() instanceof CommandHandler.ReadOnly && database != null) {
            database.readOnlyFromHere();
        }
        Reply reply = spec.handler().handle(request);
        if (pending.isPresent() && dialogues.find(learner.id())
                .filter(d -> d.command().equals(pending.get().command())).isPresent()) {
            reply = reply.append(MSG.get(learners.findOrCreate(caller).lang(),
                    caller.readsTypedText() ? "dialogue.stillOpen" : "dialogue.stillOpen.server",
                    pending.get().command()));
        }
        return spec.audience() == Audience.PERSONAL && caller.groupChat() ? reply.asEphemeral() : reply;
    }

    // The command was rolled back: an apology in the learner's language when it can still be read.
    private Reply failed(Caller caller, String what, RuntimeException e) {
        log.error("Command {} from {} user {} failed and was rolled back; replied with an apology: {}", what,
                caller.platform(), caller.userId(), e.toString(), e);
        Lang lang = caller.platformLang();
        if (!(e instanceof studybuddy.storage.DataAccessException)) {
            try {
                lang = learners.findByPlatformUser(caller.platform(), caller.userId()).map(Learner::lang).orElse(lang);
            } catch (RuntimeException ignored) {
                // the database may be failing after all; the platform's language will do
            }
        } // else the database itself failed: don't wait for it a second time, the platform's language will do
        return Reply.text(MSG.get(lang, "command.failed")).asEphemeral();
    }

    /** "I don't know /roadmp", with the command it most likely meant as a button. */
    private Reply unknownCommand(Lang lang, String name) {
        List<String> names = new java.util.ArrayList<>(byName.keySet());
        names.addAll(byAlias.keySet());
        Optional<CommandSpec> meant = Suggest.closest(name, names).flatMap(this::spec);
        Reply reply = Reply.text(MSG.get(lang, "command.unknown", truncate(name, 40)));
        return meant.map(m -> Reply.text(MSG.get(lang, "command.didYouMean", truncate(name, 40), m.name()))
                        .withButtons(List.of(new Button("/" + m.name(), ActionCodec.encode(m.name()), Button.Style.PRIMARY))))
                .orElse(reply);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}

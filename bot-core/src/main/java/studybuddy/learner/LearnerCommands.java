package studybuddy.learner;

import java.util.List;
import studybuddy.command.ActionCodec;
import studybuddy.command.Audience;
import studybuddy.command.Button;
import studybuddy.command.CommandHandler;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandSpec;
import studybuddy.command.Completer;
import studybuddy.command.OptionSpec;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;
import studybuddy.roadmap.Unit;

/** The learner's own commands: /start (/setup), /next, /done, /skip, /roadmap, /progress, /lang, /cancel. */
public final class LearnerCommands {
    private static final String BUNDLE = "learner_commands";
    private static final Messages MSG = new Messages("learner");

    private final LearnerRepository learners;
    private final DialogueRepository dialogues;
    private final OnboardingService onboarding;
    private final ProgressService progress;
    private final DoneExtension doneExtension;

    public LearnerCommands(LearnerRepository learners, DialogueRepository dialogues, OnboardingService onboarding,
                           ProgressService progress) {
        this(learners, dialogues, onboarding, progress, DoneExtension.NONE);
    }

    public LearnerCommands(LearnerRepository learners, DialogueRepository dialogues, OnboardingService onboarding,
                           ProgressService progress, DoneExtension doneExtension) {
        this.learners = learners;
        this.dialogues = dialogues;
        this.onboarding = onboarding;
        this.progress = progress;
        this.doneExtension = doneExtension;
    }

    public List<CommandSpec> specs() {
        // Autocomplete must answer within the platform's deadline: no database work, the platform's language.
        Completer units = (caller, option, typed) -> progress.suggestUnits(typed, 25).stream()
                .map(u -> new Button(label(u, caller.platformLang()), u.id())).toList();
        Completer zones = (caller, option, typed) -> TimezoneParser.suggest(typed, 25).stream()
                .map(z -> new Button(z, z)).toList();
        return List.of(
                new CommandSpec("start", List.of("setup"), BUNDLE, "start", List.of(
                        OptionSpec.choice("background", false,
                                List.of(ids(Background.values())), "start.background"),
                        OptionSpec.choice("path", false, List.of(ids(LearningPath.values())), "start.path"),
                        OptionSpec.integer("hours", false, "start.hours"),
                        OptionSpec.autocomplete("timezone", false, "start.timezone"),
                        OptionSpec.choice("lang", false, List.of("en", "zh"), "start.lang"),
                        OptionSpec.choice("day", false, List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "start.day"),
                        OptionSpec.text("time", false, "start.time")),
                        Audience.PERSONAL, onboarding::handle, zones),
                new CommandSpec("next", List.of(), BUNDLE, "next", List.of(), Audience.PERSONAL,
                        CommandHandler.readOnly(r -> progress.next(learner(r))), null),
                new CommandSpec("done", List.of(), BUNDLE, "done",
                        List.of(OptionSpec.autocomplete("unit", false, "done.unit"),
                                OptionSpec.text("link", false, "done.link")), Audience.PERSONAL,
                        r -> doneExtension.done(r, learner(r),
                                (ref, thenAsk) -> progress.mark(learner(r), ref, Mark.Status.DONE, thenAsk)),
                        units),
                new CommandSpec("skip", List.of(), BUNDLE, "skip",
                        List.of(OptionSpec.autocomplete("unit", false, "skip.unit")), Audience.PERSONAL,
                        r -> progress.mark(learner(r), unitRef(r), Mark.Status.SKIPPED), units),
                new CommandSpec("roadmap", List.of("route"), BUNDLE, "roadmap", List.of(), Audience.PERSONAL,
                        CommandHandler.readOnly(r -> progress.roadmapView(learner(r))), null),
                new CommandSpec("progress", List.of("stats"), BUNDLE, "progress", List.of(), Audience.PERSONAL,
                        CommandHandler.readOnly(r -> progress.progressView(learner(r))), null),
                new CommandSpec("lang", List.of("language"), BUNDLE, "lang",
                        List.of(OptionSpec.choice("lang", false, List.of("en", "zh"), "lang.lang")), Audience.PERSONAL,
                        this::lang, null),
                new CommandSpec("cancel", List.of(), BUNDLE, "cancel", List.of(), Audience.PERSONAL, this::cancel, null));
    }

    private Learner learner(CommandRequest r) {
        return learners.findOrCreate(r.caller());
    }

    private static String unitRef(CommandRequest r) {
        return r.has("unit") ? r.option("unit") : r.text();
    }

    private Reply lang(CommandRequest r) {
        Learner learner = learner(r);
        String value = r.has("lang") ? r.option("lang") : r.text();
        if (value.isBlank()) {
            return Reply.text(MSG.get(learner.lang(), "lang.ask")).withChoices(List.of(
                    new Button("English", ActionCodec.encode("lang", "lang", "en")),
                    new Button("中文", ActionCodec.encode("lang", "lang", "zh"))));
        }
        return Lang.parse(value)
                .map(lang -> Reply.text(MSG.get(learners.saveLang(learner.id(), lang).lang(), "lang.set")))
                .orElseGet(() -> Reply.text(MSG.get(learner.lang(), "lang.invalid",
                        value.length() > 20 ? value.substring(0, 20) + "…" : value)));
    }

    private Reply cancel(CommandRequest r) {
        Learner learner = learner(r);
        if (dialogues.find(learner.id()).isEmpty()) {
            return Reply.text(MSG.get(learner.lang(), "cancel.nothing"));
        }
        dialogues.clear(learner.id());
        return Reply.text(MSG.get(learner.lang(), "cancel.done"));
    }

    private static String label(Unit u, Lang lang) {
        String t = u.id() + " · " + u.title().in(lang);
        return t.length() > 100 ? t.substring(0, 99) + "…" : t;
    }

    private static String[] ids(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> v instanceof Background b ? b.id()
                : ((LearningPath) v).id()).toArray(String[]::new);
    }
}

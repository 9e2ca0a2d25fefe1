package studybuddy.portfolio;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studybuddy.command.ActionCodec;
import studybuddy.command.Audience;
import studybuddy.command.Button;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandSpec;
import studybuddy.command.OptionSpec;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRepository;
import studybuddy.learner.LearnerRoute;
import studybuddy.learner.Mark;
import studybuddy.learner.ProgressService;
import studybuddy.learner.UnitStatus;

/**
 * /project: the article's one or two deep portfolio projects, each through its milestones — idea and scope,
 * architecture, finished and working, a front end others can try, written up and shared.
 */
public final class ProjectCommands {
    private static final String BUNDLE = "portfolio_commands";
    private static final Messages MSG = DoneWithLink.MSG;
    private static final List<String> ACTIONS = List.of("status", "start", "done", "drop");
    private static final int MAX_TITLE = 200;

    private final LearnerRepository learners;
    private final Portfolio portfolio;
    private final ProgressService progress;
    private final Clock clock;

    public ProjectCommands(LearnerRepository learners, Portfolio portfolio, ProgressService progress, Clock clock) {
        this.learners = learners;
        this.portfolio = portfolio;
        this.progress = progress;
        this.clock = clock;
    }

    public List<CommandSpec> specs() {
        return List.of(new CommandSpec("project", List.of("projects"), BUNDLE, "project", List.of(
                OptionSpec.choice("action", false, ACTIONS, "project.action"),
                OptionSpec.text("title", false, "project.title"),
                OptionSpec.text("link", false, "project.link"),
                OptionSpec.integer("number", false, "project.number")),
                Audience.PERSONAL, this::project, null));
    }

    private Reply project(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        Lang lang = learner.lang();
        List<String> words = new ArrayList<>(List.of(r.text().isBlank() ? new String[0] : r.text().split("\\s+")));
        String action;
        if (r.has("action")) {
            action = r.option("action").toLowerCase(Locale.ROOT);
        } else if (!words.isEmpty() && ACTIONS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            action = words.remove(0).toLowerCase(Locale.ROOT);
        } else if (!words.isEmpty() || r.has("title")) {
            action = "start";
        } else {
            action = "status";
        }
        if (!ACTIONS.contains(action)) {
            return Reply.text(MSG.get(lang, "project.unknownAction", shorten(action, 20), String.join(", ", ACTIONS)));
        }
        return switch (action) {
            case "start" -> start(learner, r.has("title") ? r.option("title") : String.join(" ", words));
            case "done" -> done(learner, r, words);
            case "drop" -> drop(learner, r, words);
            default -> status(learner);
        };
    }

    // ---------------------------------------------------------------- status

    private Reply status(Learner learner) {
        Lang lang = learner.lang();
        List<Portfolio.Project> projects = portfolio.projects(learner.id());
        List<Portfolio.Project> shown = projects.stream().filter(p -> !p.status().equals("dropped")).toList();
        if (shown.isEmpty()) {
            return Reply.text(MSG.get(lang, "project.none"));
        }
        StringBuilder text = new StringBuilder(MSG.get(lang, "project.title"));
        List<Button> buttons = new ArrayList<>();
        int n = 0;
        for (Portfolio.Project p : shown) {
            int number = p.active() ? ++n : 0;
            text.append("\n\n").append(describe(lang, p, number));
            if (number > 0 && p.next().isPresent()) {
                buttons.add(new Button(shorten(number + ". ✅ " + milestone(lang, p.next().get()), 40),
                        ActionCodec.encode("project", Map.of("action", "done", "number", Integer.toString(number))),
                        Button.Style.SUCCESS));
            }
        }
        if (shown.stream().filter(Portfolio.Project::active).count() < Portfolio.MAX_ACTIVE) {
            text.append("\n\n").append(MSG.get(lang, "project.canStart"));
        }
        return Reply.text(text.toString()).withButtons(buttons);
    }

    /** A project with its milestone checklist; {@code number} is its number among the active ones (0: none). */
    static String describe(Lang lang, Portfolio.Project p, int number) {
        String head = number > 0 ? MSG.get(lang, "project.head", number, p.title(), p.done(), Portfolio.MILESTONES)
                : MSG.get(lang, "project.headFinished", p.title(), p.finishedAt()
                .map(f -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang.locale())
                        .format(f.atZone(java.time.ZoneOffset.UTC))).orElse(""));
        StringBuilder text = new StringBuilder(head);
        Optional<Integer> next = p.next();
        for (int m = 1; m <= Portfolio.MILESTONES; m++) {
            String mark = p.milestones().containsKey(m) ? "✅" : next.isPresent() && next.get() == m ? "▶" : "▫️";
            text.append('\n').append(mark).append(' ').append(milestone(lang, m));
        }
        next.ifPresent(m -> text.append('\n').append(MSG.get(lang, "project.nextHint", MSG.get(lang, "milestone." + m + ".hint"))));
        return text.toString();
    }

    static String milestone(Lang lang, int m) {
        return MSG.get(lang, "milestone." + m);
    }

    // ---------------------------------------------------------------- start

    private Reply start(Learner learner, String rawTitle) {
        Lang lang = learner.lang();
        String title = rawTitle == null ? "" : rawTitle.strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            return Reply.text(MSG.get(lang, "project.needTitle"));
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            return Reply.text(MSG.get(lang, "project.titleTooLong", MAX_TITLE));
        }
        Optional<Portfolio.Project> started = portfolio.start(learner.id(), title, clock.instant());
        if (started.isEmpty()) {
            return Reply.text(MSG.get(lang, "project.limit", Portfolio.MAX_ACTIVE));
        }
        Portfolio.Project p = started.get();
        int number = (int) portfolio.projects(learner.id()).stream().filter(Portfolio.Project::active)
                .takeWhile(x -> x.id() != p.id()).count() + 1;
        return Reply.text(MSG.get(lang, "project.started", p.title()) + "\n\n" + describe(lang, p, number)
                + "\n\n" + MSG.get(lang, "project.howToTick"))
                .withButtons(List.of(new Button(shorten("✅ " + milestone(lang, 1), 40),
                        ActionCodec.encode("project", Map.of("action", "done", "number", Integer.toString(number))),
                        Button.Style.SUCCESS)));
    }

    // ---------------------------------------------------------------- done and drop

    /** The active project a command is about: by number, or the only one; empty with a reply that asks. */
    private record Pick(Optional<Portfolio.Project> project, Reply question) {
    }

    private Pick pick(Learner learner, CommandRequest r, List<String> words, String action) {
        Lang lang = learner.lang();
        List<Portfolio.Project> active = portfolio.projects(learner.id()).stream().filter(Portfolio.Project::active).toList();
        if (active.isEmpty()) {
            return new Pick(Optional.empty(), Reply.text(MSG.get(lang, "project.noActive")));
        }
        String number = r.has("number") ? r.option("number") : null;
        if (number == null && !words.isEmpty() && words.get(0).matches("#?\\d{1,18}")) {
            number = words.remove(0).replace("#", "");
        } else if (number == null && !words.isEmpty() && action.equals("drop")) {
            number = words.get(0); // "/project drop abc" names no project: refuse rather than drop the only one
        }
        if (number != null) {
            int n;
            try {
                n = Integer.parseInt(number.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > active.size()) {
                return new Pick(Optional.empty(), Reply.text(MSG.get(lang, "project.noSuchNumber",
                        shorten(number, 10), active.size())));
            }
            return new Pick(Optional.of(active.get(n - 1)), null);
        }
        if (active.size() == 1) {
            return new Pick(Optional.of(active.get(0)), null);
        }
        List<Button> choices = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            choices.add(new Button(shorten((i + 1) + ". " + active.get(i).title(), 40),
                    ActionCodec.encode("project", Map.of("action", action, "number", Integer.toString(i + 1)))));
        }
        return new Pick(Optional.empty(), Reply.text(MSG.get(lang, "project.which")).withChoices(choices));
    }

    private Reply done(Learner learner, CommandRequest r, List<String> words) {
        Lang lang = learner.lang();
        Pick pick = pick(learner, r, words, "done");
        if (pick.project().isEmpty()) {
            return pick.question();
        }
        String link = r.has("link") ? r.option("link") : words.isEmpty() ? null : String.join(" ", words);
        String url = null;
        if (link != null && !link.isBlank()) {
            LinkCheck.Result checked = LinkCheck.check(link);
            if (checked instanceof LinkCheck.Invalid invalid) {
                return Reply.text(MSG.get(lang, "link.invalid." + invalid.problem().name().toLowerCase(Locale.ROOT),
                        LinkCheck.MAX_LENGTH) + "\n" + MSG.get(lang, "project.nothingTicked"));
            }
            url = ((LinkCheck.Valid) checked).url();
        }
        Portfolio.Project before = pick.project().get();
        int milestone = before.next().orElseThrow();
        Optional<Portfolio.Project> after = portfolio.completeNext(learner.id(), before.id(), url, clock.instant());
        if (after.isEmpty()) {
            return Reply.text(MSG.get(lang, "project.noActive"));
        }
        Portfolio.Project p = after.get();
        StringBuilder text = new StringBuilder(MSG.get(lang, "project.ticked", milestone(lang, milestone), p.title(),
                p.done(), Portfolio.MILESTONES));
        if (url != null) {
            text.append('\n').append(MSG.get(lang, "project.linkKept", url));
        }
        if (p.status().equals("finished")) {
            text.append("\n\n").append(MSG.get(lang, "project.finished", p.title()));
            Optional<String> unitNote = markUnit(learner, p);
            unitNote.ifPresent(note -> text.append("\n\n").append(note));
            return Reply.text(text.toString());
        }
        int number = (int) portfolio.projects(learner.id()).stream().filter(Portfolio.Project::active)
                .takeWhile(x -> x.id() != p.id()).count() + 1;
        text.append("\n\n").append(describe(lang, p, number));
        return Reply.text(text.toString()).withButtons(List.of(new Button(
                shorten("✅ " + milestone(lang, p.next().orElseThrow()), 40),
                ActionCodec.encode("project", Map.of("action", "done", "number", Integer.toString(number))),
                Button.Style.SUCCESS)));
    }

    /** A finished project ticks the roadmap's project unit it stands for, as /done would. */
    private Optional<String> markUnit(Learner learner, Portfolio.Project p) {
        if (p.unitId().isEmpty() || learner.settings().isEmpty()) {
            return Optional.empty();
        }
        LearnerRoute route = progress.routeOf(learner);
        UnitStatus status = route.entry(p.unitId().get()).map(LearnerRoute.Entry::status).orElse(UnitStatus.DONE);
        if (status == UnitStatus.DONE || status == UnitStatus.KNOWN) {
            return Optional.empty();
        }
        return Optional.of(progress.mark(learner, p.unitId().get(), Mark.Status.DONE).text());
    }

    private Reply drop(Learner learner, CommandRequest r, List<String> words) {
        Lang lang = learner.lang();
        Pick pick = pick(learner, r, words, "drop");
        if (pick.project().isEmpty()) {
            return pick.question();
        }
        Portfolio.Project p = pick.project().get();
        if (!portfolio.drop(learner.id(), p.id())) {
            return Reply.text(MSG.get(lang, "project.noActive"));
        }
        return Reply.text(MSG.get(lang, "project.dropped", p.title()));
    }

    // ---------------------------------------------------------------- helpers

    static String shorten(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.codePointCount(0, one.length()) <= max ? one
                : one.substring(0, one.offsetByCodePoints(0, max - 1)) + "…";
    }
}

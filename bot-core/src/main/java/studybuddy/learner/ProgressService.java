package studybuddy.learner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import studybuddy.command.ActionCodec;
import studybuddy.command.Button;
import studybuddy.command.Button.Style;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.RouteStep;
import studybuddy.roadmap.Stage;
import studybuddy.roadmap.StudyEstimator;
import studybuddy.roadmap.Unit;

/** A learner's way along the route: /next, /done, /skip, /roadmap and /progress. */
public final class ProgressService {
    /** Told when a learner marks a unit, e.g. so this week's goal is ticked too. */
    @FunctionalInterface
    public interface MarkListener {
        void unitMarked(Learner learner, Unit unit, Mark.Status status);
    }

    /**
     * Writes a unit marked done together with what changes with it (this week's goal, its first review, a dialogue
     * to open) in one statement, after reading what it needs along with the marks; see {@link DoneStatement}.
     */
    public interface DoneWriter {
        /** Reads the learner's marks, and what {@link #markDone} needs, in one statement for this unit of work. */
        void preload(long learnerId);

        void markDone(Learner learner, Unit unit, Instant at, Optional<DialogueRepository.Dialogue> thenAsk);
    }

    private static final Messages MSG = new Messages("learner");

    private final Roadmap roadmap;
    private final ProgressRepository progress;
    private final Clock clock;
    private final StudyEstimator estimator;
    private final List<MarkListener> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Function<Learner, Optional<String>>> sections = new CopyOnWriteArrayList<>();
    private volatile DoneWriter doneWriter;

    public ProgressService(Roadmap roadmap, ProgressRepository progress, Clock clock) {
        this.roadmap = roadmap;
        this.progress = progress;
        this.clock = clock;
        this.estimator = new StudyEstimator(roadmap);
    }

    public void addMarkListener(MarkListener listener) {
        listeners.add(listener);
    }

    /**
     * Lets a writer mark units done in one statement with what changes along (listeners are still told after it);
     * without one, the mark is written and then each listener writes its own part.
     */
    public void writeDoneWith(DoneWriter writer) {
        this.doneWriter = writer;
    }

    /** Adds a part to /progress (e.g. the learner's links and projects), shown after the figures when present. */
    public void addProgressSection(java.util.function.Function<Learner, Optional<String>> section) {
        sections.add(section);
    }

    public Roadmap roadmap() {
        return roadmap;
    }

    /** The learner's route with statuses; requires an onboarded learner. */
    public LearnerRoute routeOf(Learner learner) {
        LearnerSettings s = learner.settings().orElseThrow(() -> new IllegalStateException("learner not onboarded"));
        Map<String, Mark.Status> marks = new java.util.HashMap<>();
        progress.marks(learner.id()).forEach((unit, mark) -> marks.put(unit, mark.status()));
        return LearnerRoute.of(roadmap.routeFor(s.background(), s.path()), marks);
    }

    /**
     * The route of a learner about to mark a unit done: read along with what the done writer needs (one statement
     * for both).
     */
    public LearnerRoute routeBeforeDone(Learner learner) {
        DoneWriter writer = doneWriter;
        if (writer != null) {
            writer.preload(learner.id());
        }
        return routeOf(learner);
    }

    public Reply next(Learner learner) {
        Lang lang = learner.lang();
        if (!learner.onboarded()) {
            return notOnboarded(lang);
        }
        LearnerRoute route = routeOf(learner);
        Optional<Unit> current = route.current();
        if (current.isEmpty()) {
            return Reply.text(MSG.get(lang, "next.finished"));
        }
        Unit u = current.get();
        int weekly = learner.settings().orElseThrow().weeklyHours();
        String fit = u.hours() <= weekly
                ? MSG.get(lang, "next.fits", u.hours(), weekly)
                : MSG.get(lang, "next.weeks", u.hours(), weekly, (u.hours() + weekly - 1) / weekly);
        String stage = roadmap.stage(u.stageId()).map(s -> s.title().in(lang)).orElse(u.stageId());
        String text = MSG.get(lang, "next.unit", u.title().in(lang), u.resource().in(lang), stage, u.why().in(lang),
                u.url(), fit);
        return Reply.text(text).withButtons(unitButtons(lang, u));
    }

    /** Done / skip buttons for a unit, plus its link. */
    public static List<Button> unitButtons(Lang lang, Unit u) {
        return List.of(
                new Button(MSG.get(lang, "button.done"), ActionCodec.encode("done", "unit", u.id()), Style.SUCCESS),
                new Button(MSG.get(lang, "button.skip"), ActionCodec.encode("skip", "unit", u.id()), Style.SECONDARY),
                Button.link(MSG.get(lang, "button.open"), u.url()));
    }

    /** /done and /skip: marks the named unit, or the current one when none is named. */
    public Reply mark(Learner learner, String unitRef, Mark.Status status) {
        return mark(learner, unitRef, status, Optional.empty());
    }

    /**
     * As {@link #mark(Learner, String, Mark.Status)}, and opens {@code thenAsk} when the unit is marked done (in the
     * same statement as the mark); needs a {@link #writeDoneWith done writer} for that.
     */
    public Reply mark(Learner learner, String unitRef, Mark.Status status,
                      Optional<DialogueRepository.Dialogue> thenAsk) {
        Lang lang = learner.lang();
        if (!learner.onboarded()) {
            return notOnboarded(lang);
        }
        DoneWriter writer = status == Mark.Status.DONE ? doneWriter : null;
        if (thenAsk.isPresent() && writer == null) {
            throw new IllegalStateException("opening a dialogue with a mark needs a done writer");
        }
        LearnerRoute route = writer != null ? routeBeforeDone(learner) : routeOf(learner);
        Unit unit;
        if (unitRef == null || unitRef.isBlank()) {
            Optional<Unit> current = route.current();
            if (current.isEmpty()) {
                return Reply.text(MSG.get(lang, "next.finished"));
            }
            unit = current.get();
        } else {
            Optional<Unit> found = findUnit(unitRef, lang);
            if (found.isEmpty()) {
                String shown = unitRef.length() > 40 ? unitRef.substring(0, 40) + "…" : unitRef;
                return Reply.text(MSG.get(lang, "mark.unknownUnit", shown,
                        String.join(", ", route.todo().stream().limit(3).map(Unit::id).toList())));
            }
            unit = found.get();
        }
        UnitStatus already = route.entry(unit.id()).map(LearnerRoute.Entry::status).orElse(UnitStatus.OPEN);
        if (already == UnitStatus.DONE && status == Mark.Status.DONE
                || already == UnitStatus.SKIPPED && status == Mark.Status.SKIPPED) {
            // nothing changes: say so rather than congratulate twice (and tell no listener again)
            String key = status == Mark.Status.DONE ? "mark.alreadyDone" : "mark.alreadySkipped";
            Reply next = next(learner);
            return Reply.text(MSG.get(lang, key, unit.title().in(lang))).append(next.text()).withButtons(next.buttons());
        }
        Instant at = clock.instant();
        if (writer != null) {
            writer.markDone(learner, unit, at, thenAsk);
        } else {
            progress.mark(learner.id(), unit.id(), status, at);
        }
        for (MarkListener l : listeners) {
            l.unitMarked(learner, unit, status);
        }
        String key = status == Mark.Status.DONE ? "mark.done" : "mark.skipped";
        Reply confirmation = Reply.text(MSG.get(lang, key, unit.title().in(lang)));
        Reply next = next(learner);
        return confirmation.append(next.text()).withButtons(next.buttons());
    }

    /** A unit by id, or by a unique part of its title in either language. */
    public Optional<Unit> findUnit(String ref, Lang lang) {
        String r = ref.strip().toLowerCase(Locale.ROOT);
        Optional<Unit> exact = roadmap.unit(r);
        if (exact.isPresent()) {
            return exact;
        }
        List<Unit> matches = roadmap.units().stream()
                .filter(u -> u.title().en().toLowerCase(Locale.ROOT).contains(r)
                        || u.title().zh().contains(ref.strip())
                        || u.resource().en().toLowerCase(Locale.ROOT).contains(r))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Units whose id or title contains what was typed, for autocomplete. */
    public List<Unit> suggestUnits(String typed, int max) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return roadmap.units().stream()
                .filter(u -> t.isEmpty() || u.id().contains(t) || u.title().en().toLowerCase(Locale.ROOT).contains(t)
                        || u.title().zh().contains(t))
                .limit(max).toList();
    }

    public Reply roadmapView(Learner learner) {
        Lang lang = learner.lang();
        if (!learner.onboarded()) {
            return notOnboarded(lang);
        }
        LearnerRoute route = routeOf(learner);
        Optional<Unit> current = route.current();
        StringBuilder text = new StringBuilder(MSG.get(lang, "roadmap.title",
                MSG.get(lang, "path." + route.route().path().id()))).append('\n');
        List<String> stageOrder = roadmap.pathOrders().get(route.route().path());
        int n = 1;
        for (String stageId : stageOrder) {
            Stage stage = roadmap.stage(stageId).orElseThrow();
            List<LearnerRoute.Entry> entries = route.entries().stream()
                    .filter(e -> e.unit().stageId().equals(stageId)).toList();
            long counted = entries.stream().filter(LearnerRoute.Entry::counts)
                    .filter(e -> e.status() != UnitStatus.SKIPPED).count();
            long covered = entries.stream().filter(LearnerRoute.Entry::counts)
                    .filter(e -> e.status() == UnitStatus.DONE || e.status() == UnitStatus.KNOWN).count();
            // rounded down: a stage shows 100 % only when it is complete
            int pct = counted == 0 ? 100 : (int) Math.floor(100.0 * covered / counted);
            text.append('\n').append(MSG.get(lang, "roadmap.stage", n++, stage.title().in(lang), pct)).append('\n');
            for (LearnerRoute.Entry e : entries) {
                String mark = current.filter(c -> c.id().equals(e.unit().id())).isPresent() ? "▶" : switch (e.status()) {
                    case DONE -> "✅";
                    case KNOWN -> "☑️";
                    case SKIPPED -> "⏭";
                    case OPEN -> "▫️";
                };
                text.append(mark).append(' ').append(e.unit().title().in(lang)).append(" · ").append(e.unit().hours())
                        .append(" h");
                if (e.unit().optional()) {
                    text.append(' ').append(MSG.get(lang, "roadmap.optional"));
                }
                text.append(" `").append(e.unit().id()).append("`\n");
            }
        }
        text.append('\n').append(MSG.get(lang, "roadmap.legend"));
        return Reply.text(text.toString().strip());
    }

    /** Figures of /progress. */
    public record Stats(int unitsCovered, int unitsCounted, double share, int hoursDone, double studiedHours,
                        double plannedHours, StudyEstimator.Estimate ahead, boolean firstWeek) {
    }

    /** The one estimate model over a route's units (see {@link StudyEstimator}). */
    public StudyEstimator estimator() {
        return estimator;
    }

    public Stats stats(Learner learner) {
        LearnerSettings s = learner.settings().orElseThrow();
        LearnerRoute route = routeOf(learner);
        int covered = 0;
        int counted = 0;
        int hoursDone = 0;
        int hoursRemaining = 0;
        for (LearnerRoute.Entry e : route.entries()) {
            if (!e.counts()) {
                continue;
            }
            switch (e.status()) {
                case DONE -> {
                    covered++;
                    counted++;
                    hoursDone += e.unit().hours();
                }
                case KNOWN -> {
                    covered++;
                    counted++;
                }
                case OPEN -> {
                    counted++;
                    hoursRemaining += e.unit().hours();
                }
                case SKIPPED -> { }
            }
        }
        double share = counted == 0 ? 1.0 : (double) covered / counted;
        Duration since = Duration.between(learner.onboardedAt().orElse(clock.instant()), clock.instant());
        double weeks = Math.max(1.0, since.toHours() / (24.0 * 7));
        double planned = weeks * s.weeklyHours();
        StudyEstimator.Estimate ahead = estimator.remaining(s.background(), hoursRemaining, s.weeklyHours());
        return new Stats(covered, counted, share, hoursDone, estimator.studied(s.background(), hoursDone), planned,
                ahead, since.toDays() < 7);
    }

    /** Today's date in a zone, on the injected clock. */
    public LocalDate today(java.time.ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The estimate of what is left, in words: the same text /progress, onboarding and the Q&A show. */
    public String estimateText(Learner learner) {
        LearnerSettings s = learner.settings().orElseThrow();
        return StudyEstimator.describe(learner.lang(), stats(learner).ahead(), LocalDate.now(clock.withZone(s.zone())));
    }

    public Reply progressView(Learner learner) {
        Lang lang = learner.lang();
        if (!learner.onboarded()) {
            return notOnboarded(lang);
        }
        Stats st = stats(learner);
        LearnerSettings s = learner.settings().orElseThrow();
        int pct = (int) Math.floor(st.share() * 100);
        String bar = bar(st.share());
        String pace;
        // Both sides in study time: coursework done with its share of practice against the weekly hours planned so
        // far. In the first week nobody is behind yet.
        if (st.studiedHours() >= st.plannedHours() * 1.1) {
            pace = MSG.get(lang, "progress.ahead");
        } else if (st.studiedHours() >= st.plannedHours() * 0.8 || st.firstWeek()) {
            pace = MSG.get(lang, "progress.onTrack");
        } else {
            pace = MSG.get(lang, "progress.behind");
        }
        StringBuilder text = new StringBuilder(MSG.get(lang, "progress.summary", bar, pct, st.unitsCovered(),
                st.unitsCounted(), st.hoursDone(), Math.round(st.plannedHours()), pace, s.weeklyHours())
                + "\n" + StudyEstimator.describe(lang, st.ahead(), LocalDate.now(clock.withZone(s.zone()))));
        sections.forEach(section -> section.apply(learner).ifPresent(part -> text.append("\n\n").append(part)));
        return Reply.text(text.toString());
    }

    private static String bar(double share) {
        int filled = (int) Math.floor(share * 10);
        return "█".repeat(filled) + "░".repeat(10 - filled);
    }

    public static Reply notOnboarded(Lang lang) {
        return Reply.text(MSG.get(lang, "notOnboarded"))
                .withButtons(List.of(new Button(MSG.get(lang, "button.start"), ActionCodec.encode("start"), Style.PRIMARY)));
    }
}

package studybuddy.qa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import studybuddy.command.ActionCodec;
import studybuddy.command.Audience;
import studybuddy.command.Button;
import studybuddy.command.CommandHandler;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandSpec;
import studybuddy.command.OptionSpec;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRepository;
import studybuddy.learner.LearnerSettings;
import studybuddy.learner.ProgressService;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;
import studybuddy.roadmap.TimeEstimate;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.Unit;

/** /ask: a roadmap question answered from the seed; in a private chat, any plain message goes here too. */
public final class QaCommands {
    private static final Messages MSG = new Messages("qa_commands");

    /** How long a private conversation keeps its topic for follow-ups ("and after that?", "为什么"). */
    static final Duration FOLLOW_UP_WINDOW = Duration.ofMinutes(10);
    /** Conversations remembered at most; the oldest are dropped first. */
    private static final int MAX_CONVERSATIONS = 10_000;

    private static final Messages INFORMAL = new Messages("qa_informal");

    private final QaService qa;
    private final LearnerRepository learners;
    private final Roadmap roadmap;
    private final ProgressService progress;
    private final Clock clock;
    /** Per private chat, the last topic answered and when: in memory, since a follow-up only lives for minutes. */
    private final Map<String, LastTopic> lastTopics = new ConcurrentHashMap<>();

    private record LastTopic(String topic, Instant at) {
    }

    public QaCommands(QaService qa, LearnerRepository learners, ProgressService progress, Clock clock) {
        this.qa = qa;
        this.learners = learners;
        this.progress = progress;
        this.roadmap = progress.roadmap();
        this.clock = clock;
    }

    public List<CommandSpec> specs() {
        return List.of(new CommandSpec("ask", List.of("q"), "qa_commands", "ask",
                List.of(OptionSpec.text("question", false, "ask.question"), OptionSpec.text("topic", false, "ask.topic")),
                Audience.PERSONAL, CommandHandler.readOnly(this::ask), null));
    }

    private Reply ask(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        Optional<LearnerContext> context = contextFor(learner, Optional.empty());
        if (r.has("topic")) {
            // A "did you mean" press: the topic itself, in the language the offer was made in.
            String[] topic = r.option("topic").strip().split("@", 2);
            Lang lang = topic.length > 1 ? Lang.parse(topic[1]).orElse(learner.lang()) : learner.lang();
            return qa.topic(topic[0], lang, context)
                    .map(a -> answered(r, learner, a))
                    .orElseGet(() -> Reply.text(MSG.get(lang, "ask.usage")));
        }
        String question = (r.has("question") ? r.option("question") : r.text()).strip();
        if (question.isEmpty()) {
            return Reply.text(MSG.get(learner.lang(), "ask.usage"));
        }
        context = contextFor(learner, StatedBackground.in(question));
        // Answer in the language of the question; a learner's setting only decides when the question has no clue.
        Lang lang = Lang.detect(question) == Lang.ZH ? Lang.ZH : question.chars().anyMatch(Character::isLetter)
                ? Lang.EN : learner.lang();
        if (Greeting.is(question)) {
            // "hi" / "你好": a greeting back and the one next step, not "I'm not sure"
            return learner.onboarded()
                    ? Reply.text(INFORMAL.get(lang, "greeting.onboarded")).withButtons(List.of(
                            new Button(MSG.get(lang, "ask.offer.next"), ActionCodec.encode("next"), Button.Style.PRIMARY)))
                    : Reply.text(INFORMAL.get(lang, "greeting.new")).withButtons(List.of(
                            new Button(MSG.get(lang, "ask.offer.start"), ActionCodec.encode("start"), Button.Style.PRIMARY)));
        }
        String key = conversation(r);
        LastTopic last = key == null ? null : lastTopics.get(key);
        if (last != null && !clock.instant().isAfter(last.at().plus(FOLLOW_UP_WINDOW))) {
            Optional<Answer> followUp = qa.followUp(question, last.topic(), lang, context);
            if (followUp.isPresent()) {
                return answered(r, learner, followUp.get());
            }
        }
        return answered(r, learner, qa.answer(question, lang, context));
    }

    /** Follow-ups belong to a private chat: in a group, "why?" may answer someone else. */
    private static String conversation(CommandRequest r) {
        return r.caller().groupChat() ? null : r.caller().platform() + ":" + r.caller().userId();
    }

    private Reply answered(CommandRequest r, Learner learner, Answer answer) {
        Lang lang = answer.lang();
        String key = conversation(r);
        if (key != null) {
            if (answer.confident()) {
                if (lastTopics.size() >= MAX_CONVERSATIONS) {
                    lastTopics.clear(); // rare: losing follow-up context is harmless
                }
                lastTopics.put(key, new LastTopic(answer.topic(), clock.instant()));
            } else {
                lastTopics.remove(key);
            }
        }
        if (QaService.CRISIS_TOPIC.equals(answer.topic())) {
            // someone in despair is pointed to people, not offered a study plan or the next unit
            return Reply.text(answer.text());
        }
        if (!answer.startOptions().isEmpty()) {
            return Reply.text(answer.text()).withButtons(List.of(new Button(MSG.get(lang, "ask.offer.startWith"),
                    ActionCodec.encode("start", answer.startOptions()), Button.Style.PRIMARY)));
        }
        if (!answer.confident() && !answer.suggestions().isEmpty()) {
            // "Did you mean": a press answers that topic.
            List<Button> offers = answer.suggestions().stream()
                    .map(s -> new Button(shorten(s.title()), ActionCodec.encode("ask", "topic", s.id() + "@" + lang.code())))
                    .toList();
            return Reply.text(answer.text()).withButtons(offers);
        }
        if (!answer.confident()) {
            // Not sure: offer what the bot can do instead of a dead end.
            List<Button> offers = learner.onboarded()
                    ? List.of(new Button(MSG.get(lang, "ask.offer.next"), ActionCodec.encode("next")),
                            new Button(MSG.get(lang, "ask.offer.roadmap"), ActionCodec.encode("roadmap")))
                    : List.of(new Button(MSG.get(lang, "ask.offer.start"), ActionCodec.encode("start"),
                            Button.Style.PRIMARY));
            return Reply.text(answer.text()).withButtons(offers);
        }
        // Where the answer names resources of the route, offer their links (distinct, at most three).
        List<Button> links = answer.relatedUnits().stream()
                .map(roadmap::unit).flatMap(Optional::stream)
                .filter(u -> u.url() != null && !u.url().isBlank())
                .collect(java.util.stream.Collectors.toMap(Unit::url, u -> u, (a, b) -> a,
                        java.util.LinkedHashMap::new))
                .values().stream().limit(3)
                .map(u -> Button.link("🔗 " + shorten(u.resource().in(lang)), u.url()))
                .toList();
        return Reply.text(answer.text()).withButtons(links);
    }

    /**
     * The asker as the answer should see them: the background stated in the question wins over the saved one (then
     * the whole route counts); otherwise an onboarded learner's own route with what is still ahead of them.
     */
    private Optional<LearnerContext> contextFor(Learner learner, Optional<Background> stated) {
        Optional<LearnerSettings> settings = learner.settings();
        if (settings.isPresent() && (stated.isEmpty() || stated.get() == settings.get().background())) {
            LearnerSettings s = settings.get();
            // what is still ahead reads the learner's progress: only when the answer gives a personal estimate
            return Optional.of(new LearnerContext(s.background(), s.path(), s.weeklyHours(),
                    () -> progress.stats(learner).ahead(), progress.today(s.zone())));
        }
        return stated.map(b -> {
            LearningPath path = settings.map(LearnerSettings::path).orElse(LearningPath.SOFTWARE);
            // without a profile, the weekly hours the article's own figure assumes for that starting point
            int weekly = settings.map(LearnerSettings::weeklyHours)
                    .orElseGet(() -> roadmap.estimate(b).map(TimeEstimate::hoursPerWeek).orElse(10));
            return new LearnerContext(b, path, weekly, progress.estimator().wholeRoute(b, path, weekly),
                    progress.today(settings.map(LearnerSettings::zone).orElse(ZoneOffset.UTC)));
        });
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}

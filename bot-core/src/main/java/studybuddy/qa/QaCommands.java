package studybuddy.qa;

import java.util.List;
import java.util.Optional;
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
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.Unit;

/** /ask: a roadmap question answered from the seed; in a private chat, any plain message goes here too. */
public final class QaCommands {
    private static final Messages MSG = new Messages("qa_commands");

    private final QaService qa;
    private final LearnerRepository learners;
    private final Roadmap roadmap;

    public QaCommands(QaService qa, LearnerRepository learners, Roadmap roadmap) {
        this.qa = qa;
        this.learners = learners;
        this.roadmap = roadmap;
    }

    public List<CommandSpec> specs() {
        return List.of(new CommandSpec("ask", List.of("q"), "qa_commands", "ask",
                List.of(OptionSpec.text("question", false, "ask.question")), Audience.PERSONAL, CommandHandler.readOnly(this::ask), null));
    }

    private Reply ask(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        String question = (r.has("question") ? r.option("question") : r.text()).strip();
        if (question.isEmpty()) {
            return Reply.text(MSG.get(learner.lang(), "ask.usage"));
        }
        Optional<LearnerContext> context = learner.settings()
                .map(s -> new LearnerContext(s.background(), s.path(), s.weeklyHours()));
        // Answer in the language of the question; a learner's setting only decides when the question has no clue.
        Lang lang = Lang.detect(question) == Lang.ZH ? Lang.ZH : question.chars().anyMatch(Character::isLetter)
                ? Lang.EN : learner.lang();
        Answer answer = qa.answer(question, lang, context);
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

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}

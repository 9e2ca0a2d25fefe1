package studybuddy.qa;

import java.util.List;
import java.util.Optional;
import studybuddy.command.Audience;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandSpec;
import studybuddy.command.OptionSpec;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRepository;

/** /ask: a roadmap question answered from the seed; in a private chat, any plain message goes here too. */
public final class QaCommands {
    private static final Messages MSG = new Messages("qa_commands");

    private final QaService qa;
    private final LearnerRepository learners;

    public QaCommands(QaService qa, LearnerRepository learners) {
        this.qa = qa;
        this.learners = learners;
    }

    public List<CommandSpec> specs() {
        return List.of(new CommandSpec("ask", List.of("q"), "qa_commands", "ask",
                List.of(OptionSpec.text("question", false, "ask.question")), Audience.PERSONAL, this::ask, null));
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
        return Reply.text(qa.answer(question, lang, context).text());
    }
}

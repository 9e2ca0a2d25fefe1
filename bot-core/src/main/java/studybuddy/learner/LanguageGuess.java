package studybuddy.learner;

import java.util.regex.Pattern;
import studybuddy.command.Caller;
import studybuddy.command.CommandLine;
import studybuddy.i18n.Lang;

/**
 * Until a learner has set up their plan, the language they write in decides the bot's language (the platform's
 * locale is only the first guess): someone who says "你好" gets the setup questions in Chinese from the first one.
 */
public final class LanguageGuess {
    /** Three Latin words in a row: a sentence in English, not a stray "ok" or a unit id. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}[\\s,]+[A-Za-z]{2,}[\\s,]+[A-Za-z]{2,}");

    private LanguageGuess() {
    }

    public static void apply(LearnerRepository learners, DialogueRepository dialogues, Caller caller, String text) {
        Lang written = Lang.detect(text);
        boolean english = written == Lang.EN && !CommandLine.isCommand(text) && ENGLISH.matcher(text).find();
        if (written != Lang.ZH && !english) {
            return; // no clue: "/start", "10", "ok"
        }
        Learner learner = learners.findOrCreate(caller);
        // an answer in the middle of a question ("上海" for the timezone) says nothing about the language
        if (!learner.onboarded() && learner.lang() != written && dialogues.find(learner.id()).isEmpty()) {
            learners.saveLang(learner.id(), written);
        }
    }
}

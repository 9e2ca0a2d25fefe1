package studybuddy.platform;

import java.util.List;

/**
 * A multiple-choice quiz that a platform with native quizzes shows as one (Telegram: {@code sendPoll} with
 * {@code type=quiz}); the others show the message's reply (its text and one button per option) instead.
 *
 * @param question      the question, at most {@link #MAX_QUESTION} characters
 * @param options       2 to {@link #MAX_OPTIONS} options, each at most {@link #MAX_OPTION} characters
 * @param correctOption index of the right option
 * @param explanation   shown after answering, at most {@link #MAX_EXPLANATION} characters
 * @param answerAction  the command line an answer comes back as, with the chosen option's index (from 0) appended
 */
public record Poll(String question, List<String> options, int correctOption, String explanation, String answerAction) {
    /** Telegram's limits on a quiz poll. */
    public static final int MAX_QUESTION = 300;
    public static final int MAX_OPTION = 100;
    public static final int MAX_OPTIONS = 10;
    public static final int MAX_EXPLANATION = 200;

    public Poll {
        options = List.copyOf(options);
        if (question == null || question.isBlank() || question.length() > MAX_QUESTION) {
            throw new IllegalArgumentException("poll question empty or longer than " + MAX_QUESTION);
        }
        if (options.size() < 2 || options.size() > MAX_OPTIONS
                || options.stream().anyMatch(o -> o.isBlank() || o.length() > MAX_OPTION)) {
            throw new IllegalArgumentException("a poll needs 2 to " + MAX_OPTIONS + " options of 1 to " + MAX_OPTION
                    + " characters");
        }
        if (correctOption < 0 || correctOption >= options.size()) {
            throw new IllegalArgumentException("correct option " + correctOption + " out of range");
        }
        explanation = explanation == null ? "" : explanation;
        if (explanation.length() > MAX_EXPLANATION) {
            throw new IllegalArgumentException("poll explanation longer than " + MAX_EXPLANATION);
        }
        if (answerAction == null || answerAction.isBlank()) {
            throw new IllegalArgumentException("a poll needs an answer action");
        }
    }

    /** The command line an answer with option {@code choice} comes back as. */
    public String answer(int choice) {
        return answerAction + " " + choice;
    }
}

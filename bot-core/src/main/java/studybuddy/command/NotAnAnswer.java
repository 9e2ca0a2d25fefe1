package studybuddy.command;

/**
 * Thrown by a guided dialogue's handler when the text it was given is plainly not an answer to its question (a
 * question, a remark) and it has closed the dialogue: the dispatcher then handles the text as the message it is (in
 * a private chat, a roadmap question) and puts {@code note} before that reply, so nothing the learner wrote is
 * swallowed. Carries no stack trace: it is a turn of the conversation, not an error.
 */
public final class NotAnAnswer extends RuntimeException {
    private final String note;

    public NotAnAnswer(String note) {
        super(null, null, false, false);
        this.note = note;
    }

    /** A short line saying the dialogue stopped (in the learner's language). */
    public String note() {
        return note;
    }
}

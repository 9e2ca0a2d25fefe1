package studybuddy.command;

/**
 * Thrown by a guided dialogue's handler when the text it was given is not an answer to its question, so that the
 * dispatcher can handle the text as the message it may be instead of swallowing it. Two kinds:
 * <ul>
 *   <li>{@link #NotAnAnswer(String) closed}: the handler closed its dialogue; the text is handled as a plain message
 *       (in a private chat, a roadmap question) after {@code note};</li>
 *   <li>{@link #unlessAQuestion kept open}: the dialogue stays open; when the text is a roadmap question the bot can
 *       answer, it is answered and then {@code resume} asks the dialogue's question again; otherwise
 *       {@code fallback} (the handler's usual "I didn't get that") is the reply.</li>
 * </ul>
 * Carries no stack trace: it is a turn of the conversation, not an error.
 */
public final class NotAnAnswer extends RuntimeException {
    private final String note;
    private final Reply fallback;
    private final Reply resume;

    public NotAnAnswer(String note) {
        this(note, null, null);
    }

    private NotAnAnswer(String note, Reply fallback, Reply resume) {
        super(null, null, false, false);
        this.note = note;
        this.fallback = fallback;
        this.resume = resume;
    }

    /** The dialogue stays open: a question is answered and followed by {@code resume}, anything else gets {@code fallback}. */
    public static NotAnAnswer unlessAQuestion(Reply fallback, Reply resume) {
        return new NotAnAnswer("", java.util.Objects.requireNonNull(fallback), java.util.Objects.requireNonNull(resume));
    }

    /** Whether the dialogue stays open (see {@link #unlessAQuestion}). */
    public boolean keepsDialogue() {
        return resume != null;
    }

    /** A short line saying the dialogue stopped (in the learner's language); empty when it stays open. */
    public String note() {
        return note;
    }

    public Reply fallback() {
        return fallback;
    }

    public Reply resume() {
        return resume;
    }
}

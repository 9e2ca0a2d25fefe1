package studybuddy.roadmap;

/**
 * The roadmap data is broken. Thrown at start-up by {@link RoadmapLoader}, so a bad edit of
 * {@code roadmap.json} stops the bot before any learner sees a wrong route; the message names
 * the offending unit or stage so the fix is one search away.
 */
public final class RoadmapException extends RuntimeException {
    public RoadmapException(String message) {
        super(message);
    }

    public RoadmapException(String message, Throwable cause) {
        super(message, cause);
    }
}

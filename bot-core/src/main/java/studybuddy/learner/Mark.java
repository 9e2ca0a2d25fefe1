package studybuddy.learner;

import java.time.Instant;

/** A learner's mark on a unit. */
public record Mark(String unitId, Status status, Instant at) {
    public enum Status { DONE, SKIPPED }
}

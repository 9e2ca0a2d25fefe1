package studybuddy.learner;

import java.time.Instant;
import java.util.Map;

/** Which units a learner marked done or skipped. */
public interface ProgressRepository {
    Map<String, Mark> marks(long learnerId);

    /** Marks a unit (replacing an earlier mark). */
    void mark(long learnerId, String unitId, Mark.Status status, Instant at);
}

package studybuddy.groups;

import java.time.Instant;
import java.util.Optional;

/** A member's three short answers for one week. */
public record CheckinAnswer(long windowId, long learnerId, String done, String next, String blockers, boolean late,
                            Instant answeredAt, Optional<Instant> editedAt) {
}

package studybuddy.groups;

import java.time.Instant;
import java.time.LocalDate;

/** One week's check-in of a group. */
public record CheckinWindow(long id, long groupId, LocalDate weekStart, Instant opensAt, Instant nudgeAt,
                            Instant closesAt, State state) {
    public enum State { OPEN, NUDGED, CLOSED }

    public boolean acceptsEdits(Instant now) {
        return state != State.CLOSED && now.isBefore(closesAt);
    }
}

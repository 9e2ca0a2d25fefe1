package studybuddy.groups;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;

/** A weekly wall-clock time in a zone ("Mondays 18:00 Europe/Berlin") and its next instants, DST-safe. */
public record WeeklyTime(DayOfWeek day, LocalTime time, ZoneId zone) {

    /** The first occurrence strictly after {@code after}. */
    public Instant nextAfter(Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(day));
        while (true) {
            Instant candidate = resolve(date.atTime(time));
            if (candidate.isAfter(after)) {
                return candidate;
            }
            date = date.plusWeeks(1);
        }
    }

    /**
     * The instant of a local time: in a spring-forward gap, the first valid instant after the gap; in a fall-back
     * overlap, the earlier one, so it happens once.
     */
    public Instant resolve(LocalDateTime local) {
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
    }
}

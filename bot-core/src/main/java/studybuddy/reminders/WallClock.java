package studybuddy.reminders;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;

/**
 * Wall-clock times in a learner's zone, resolved explicitly around DST changes:
 * a local time in a spring-forward gap becomes the first valid instant after the gap (02:30 → 03:00 in
 * Europe/Berlin on 2026-03-29), an ambiguous fall-back time takes the earlier offset (fires once).
 */
public final class WallClock {
    private WallClock() {
    }

    public static ZonedDateTime resolve(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            // not ZonedDateTime.of, which shifts by the gap's length (02:30 → 03:30): the gap ends at the instant
            // of the transition, which is the first valid local time (03:00)
            return transition.getInstant().atZone(zone);
        }
        // outside a gap ZonedDateTime.ofLocal keeps the local time; in an overlap it picks the earlier offset
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    /** The first daily occurrence of {@code time} strictly after {@code after}. */
    public static Instant nextDaily(LocalTime time, ZoneId zone, Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 4; i++, date = date.plusDays(1)) {
            Instant candidate = resolve(date, time, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no daily occurrence found after " + after);
    }

    /** The first weekly occurrence of {@code day} at {@code time} strictly after {@code after}. */
    public static Instant nextWeekly(DayOfWeek day, LocalTime time, ZoneId zone, Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1).with(TemporalAdjusters.previousOrSame(day));
        for (int i = 0; i < 4; i++, date = date.plusWeeks(1)) {
            Instant candidate = resolve(date, time, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no weekly occurrence found after " + after);
    }

    /** True when the local time of {@code at} is inside [start, end) (a window may pass midnight). */
    public static boolean inWindow(LocalTime local, LocalTime start, LocalTime end) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** The end of the quiet window that {@code at} falls in, or {@code at} itself when outside quiet hours. */
    public static Instant afterQuiet(Instant at, ZoneId zone, LocalTime start, LocalTime end) {
        if (start == null || end == null) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        if (!inWindow(local.toLocalTime(), start, end)) {
            return at;
        }
        return nextDaily(end, zone, at);
    }
}

package studybuddy.reminders;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a reminder fires: once at an instant, or every day / every week at a wall-clock time in a zone.
 *
 * @param once for {@link Kind#ONCE}: the instant
 * @param time for daily and weekly: the local time
 * @param day  for weekly: the day
 */
public record ReminderRule(Kind kind, Instant once, LocalTime time, DayOfWeek day, ZoneId zone) {
    public enum Kind {
        ONCE, DAILY, WEEKLY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static ReminderRule once(Instant at, ZoneId zone) {
        return new ReminderRule(Kind.ONCE, at, null, null, zone);
    }

    public static ReminderRule daily(LocalTime time, ZoneId zone) {
        return new ReminderRule(Kind.DAILY, null, time, null, zone);
    }

    public static ReminderRule weekly(DayOfWeek day, LocalTime time, ZoneId zone) {
        return new ReminderRule(Kind.WEEKLY, null, time, day, zone);
    }

    public boolean recurring() {
        return kind != Kind.ONCE;
    }

    /** The first occurrence strictly after {@code after}; empty for a one-time reminder that has fired. */
    public Optional<Instant> nextAfter(Instant after) {
        return switch (kind) {
            case ONCE -> once.isAfter(after) ? Optional.of(once) : Optional.empty();
            case DAILY -> Optional.of(WallClock.nextDaily(time, zone, after));
            case WEEKLY -> Optional.of(WallClock.nextWeekly(day, time, zone, after));
        };
    }
}

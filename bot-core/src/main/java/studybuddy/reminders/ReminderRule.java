package studybuddy.reminders;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When a reminder fires: once at an instant; every day; on a set of weekdays ("every weekday", "每周三和周五"); or
 * every n days counted from an anchor date ("every other day", "every 2 weeks on Monday"). Recurring rules are
 * wall-clock times in a zone, resolved day by day, so DST never moves or drops one.
 *
 * @param once      for {@link Kind#ONCE}: the instant
 * @param time      for the recurring kinds: the local time
 * @param days      for {@link Kind#WEEKLY}: the weekdays (at least one), in week order
 * @param everyDays for {@link Kind#EVERY_N_DAYS}: the interval in days (2 or more)
 * @param anchor    for {@link Kind#EVERY_N_DAYS}: a local date the rule fires on
 */
public record ReminderRule(Kind kind, Instant once, LocalTime time, Set<DayOfWeek> days, int everyDays,
                           LocalDate anchor, ZoneId zone) {
    public static final Set<DayOfWeek> WEEKDAYS = Collections.unmodifiableSet(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    public static final Set<DayOfWeek> WEEKEND = Collections.unmodifiableSet(
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    public enum Kind {
        ONCE("once"), DAILY("daily"), WEEKLY("weekly"), EVERY_N_DAYS("every_n_days");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public ReminderRule {
        days = days == null || days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    public static ReminderRule once(Instant at, ZoneId zone) {
        return new ReminderRule(Kind.ONCE, at, null, null, 0, null, zone);
    }

    public static ReminderRule daily(LocalTime time, ZoneId zone) {
        return new ReminderRule(Kind.DAILY, null, time, null, 0, null, zone);
    }

    public static ReminderRule weekly(DayOfWeek day, LocalTime time, ZoneId zone) {
        return weekly(EnumSet.of(day), time, zone);
    }

    /** On each of {@code days}; all seven is simply daily. */
    public static ReminderRule weekly(Set<DayOfWeek> days, LocalTime time, ZoneId zone) {
        if (days.size() == 7) {
            return daily(time, zone);
        }
        return new ReminderRule(Kind.WEEKLY, null, time, days, 0, null, zone);
    }

    /** Every {@code n} days from {@code anchor} (n = 1 is daily). */
    public static ReminderRule everyDays(int n, LocalDate anchor, LocalTime time, ZoneId zone) {
        if (n == 1) {
            return daily(time, zone);
        }
        return new ReminderRule(Kind.EVERY_N_DAYS, null, time, null, n, anchor, zone);
    }

    /** The same rule at the same wall-clock time in another zone. */
    public ReminderRule inZone(ZoneId other) {
        return new ReminderRule(kind, once, time, days, everyDays, anchor, other);
    }

    /** The first weekday of a weekly rule (the single day of a classic "every Monday"). */
    public DayOfWeek day() {
        return days.isEmpty() ? null : days.iterator().next();
    }

    public boolean recurring() {
        return kind != Kind.ONCE;
    }

    /** The first occurrence strictly after {@code after}; empty for a one-time reminder that has fired. */
    public Optional<Instant> nextAfter(Instant after) {
        return switch (kind) {
            case ONCE -> once.isAfter(after) ? Optional.of(once) : Optional.empty();
            case DAILY -> Optional.of(WallClock.nextDaily(time, zone, after));
            case WEEKLY -> Optional.of(nextOnDays(after));
            case EVERY_N_DAYS -> Optional.of(nextEveryDays(after));
        };
    }

    private Instant nextOnDays(Instant after) {
        // from the day before (a gap-shifted time may fall after midnight UTC), day by day through one week and more
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 10; i++, date = date.plusDays(1)) {
            if (days.contains(date.getDayOfWeek())) {
                Instant candidate = WallClock.resolve(date, time, zone).toInstant();
                if (candidate.isAfter(after)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no weekly occurrence found after " + after);
    }

    private Instant nextEveryDays(Instant after) {
        LocalDate from = after.atZone(zone).toLocalDate().minusDays(1);
        long offset = Math.floorMod(ChronoUnit.DAYS.between(anchor, from), (long) everyDays);
        LocalDate date = offset == 0 ? from : from.plusDays(everyDays - offset);
        for (int i = 0; i < 4; i++, date = date.plusDays(everyDays)) {
            Instant candidate = WallClock.resolve(date, time, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no occurrence every " + everyDays + " days found after " + after);
    }
}

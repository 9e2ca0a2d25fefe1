package studybuddy.groups;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import studybuddy.i18n.Lang;

/** What a group admin sets: when the weekly check-in opens (in the group's zone) and how long it stays open. */
public record GroupSettings(ZoneId zone, DayOfWeek day, LocalTime time, int windowHours, Lang lang) {
    public static final int DEFAULT_WINDOW_HOURS = 24;
}

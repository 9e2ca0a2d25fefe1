package studybuddy.learner;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the small values of the settings the way people type them, in English and Chinese. */
public final class SettingParsers {
    private static final Pattern HOURS = Pattern.compile("^(\\d{1,3})\\s*(h|hrs?|hours?|小时|个小时|钟头)?$");
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY), Map.entry("周一", DayOfWeek.MONDAY),
            Map.entry("星期一", DayOfWeek.MONDAY), Map.entry("礼拜一", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("周二", DayOfWeek.TUESDAY), Map.entry("星期二", DayOfWeek.TUESDAY), Map.entry("礼拜二", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("周三", DayOfWeek.WEDNESDAY),
            Map.entry("星期三", DayOfWeek.WEDNESDAY), Map.entry("礼拜三", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("周四", DayOfWeek.THURSDAY), Map.entry("星期四", DayOfWeek.THURSDAY),
            Map.entry("礼拜四", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("周五", DayOfWeek.FRIDAY),
            Map.entry("星期五", DayOfWeek.FRIDAY), Map.entry("礼拜五", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("周六", DayOfWeek.SATURDAY),
            Map.entry("星期六", DayOfWeek.SATURDAY), Map.entry("礼拜六", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("周日", DayOfWeek.SUNDAY),
            Map.entry("周天", DayOfWeek.SUNDAY), Map.entry("星期日", DayOfWeek.SUNDAY), Map.entry("星期天", DayOfWeek.SUNDAY),
            Map.entry("礼拜天", DayOfWeek.SUNDAY), Map.entry("礼拜日", DayOfWeek.SUNDAY));

    private SettingParsers() {
    }

    /** Weekly study hours, 1 to 80. */
    public static Optional<Integer> hours(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = HOURS.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        return h >= 1 && h <= 80 ? Optional.of(h) : Optional.empty();
    }

    public static Optional<DayOfWeek> day(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.strip().toLowerCase(Locale.ROOT);
        if (v.matches("[1-7]")) {
            return Optional.of(DayOfWeek.of(Integer.parseInt(v)));
        }
        return Optional.ofNullable(DAYS.get(v));
    }

    /** A wall-clock time: "09:00", "9", "7pm", "9.30", "21点", "晚上9点半", "上午9点", "noon" (the reminders' parser). */
    public static Optional<LocalTime> time(String s) {
        return studybuddy.when.ClockTime.parseWhole(s);
    }

    public static String dayId(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}

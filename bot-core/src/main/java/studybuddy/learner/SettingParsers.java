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
    private static final Pattern TIME = Pattern.compile("^(\\d{1,2})(?:[:.：](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?$");
    /** Chinese clock times: "9点", "9点半", "9点30", "9点30分", "21時". */
    private static final Pattern ZH_TIME = Pattern.compile("^(\\d{1,2})\\s*[点點时時]钟?\\s*(?:(半)|(\\d{1,2})\\s*分?)?$");
    /** Chinese parts of the day that say whether a clock time is in the morning, at noon or in the evening. */
    private static final java.util.List<String> MORNING = java.util.List.of("凌晨", "早上", "早晨", "上午", "清晨");
    private static final java.util.List<String> NOON = java.util.List.of("中午");
    private static final java.util.List<String> AFTERNOON = java.util.List.of("下午", "傍晚");
    private static final java.util.List<String> EVENING = java.util.List.of("晚上", "夜里", "夜间");
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

    /** A wall-clock time: "09:00", "9", "7pm", "9.30", "21点", "晚上9点半", "上午9点", "noon". */
    public static Optional<LocalTime> time(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.strip().toLowerCase(Locale.ROOT);
        if (v.equals("noon") || v.equals("midday")) {
            return Optional.of(LocalTime.NOON);
        }
        if (v.equals("midnight")) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        String period = null;
        for (java.util.List<String> words : java.util.List.of(MORNING, NOON, AFTERNOON, EVENING)) {
            for (String w : words) {
                if (v.startsWith(w)) {
                    period = words.get(0);
                    v = v.substring(w.length()).strip();
                }
            }
        }
        int hour;
        int minute;
        String suffix = null;
        Matcher zh = ZH_TIME.matcher(v);
        Matcher m = TIME.matcher(v);
        if (zh.matches()) {
            hour = Integer.parseInt(zh.group(1));
            minute = zh.group(2) != null ? 30 : zh.group(3) == null ? 0 : Integer.parseInt(zh.group(3));
        } else if (m.matches()) {
            hour = Integer.parseInt(m.group(1));
            minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            suffix = m.group(3);
        } else {
            return Optional.empty();
        }
        if (period != null && suffix != null) {
            return Optional.empty();
        }
        boolean pm = suffix != null && suffix.startsWith("p");
        boolean am = suffix != null && suffix.startsWith("a");
        if ((pm || am) && (hour < 1 || hour > 12)) {
            return Optional.empty();
        }
        if (pm && hour < 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        } else if (period != null && hour <= 12) {
            // 上午9点 is 09:00, 中午12点 is noon and 中午1点 13:00, 下午3点 15:00, 晚上9点 21:00, 晚上12点 midnight
            switch (period) {
                case "凌晨" -> hour = hour == 12 ? 0 : hour;
                case "中午" -> hour = hour < 11 ? hour + 12 : hour;
                case "下午" -> hour = hour < 12 ? hour + 12 : hour;
                case "晚上" -> hour = hour == 12 || hour == 0 ? 0 : hour + 12;
                default -> { }
            }
        } else if (period != null && period.equals("凌晨")) {
            return Optional.empty();
        }
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }

    public static String dayId(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}

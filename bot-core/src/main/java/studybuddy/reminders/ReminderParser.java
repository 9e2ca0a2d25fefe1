package studybuddy.reminders;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "when" and the text of {@code /remind}, in English and Chinese: "tomorrow 19:00 …", "in 2h …",
 * "2026-12-01 08:30 …", "every mon 09:00 …", "every day 21:00 …", "明天 19:00 …", "2小时后 …", "每周一 09:00 …",
 * "每天 21:00 …". Refuses the past, the absurd and empty or overlong texts with a message key of the
 * {@code reminders} bundle.
 */
public final class ReminderParser {
    public static final int MAX_TEXT = 500;
    /** Nothing further ahead than this: year 9999 is a typo, not a plan. */
    public static final Duration MAX_AHEAD = Duration.ofDays(5 * 366);

    public sealed interface Result {
    }

    public record Parsed(ReminderRule rule, String text) implements Result {
    }

    public record Refused(String key, List<Object> args) implements Result {
        public Refused {
            args = List.copyOf(args);
        }
    }

    private static final String TIME = "(\\d{1,2})[:：](\\d{2})";
    private static final Pattern IN = Pattern.compile(
            "^in\\s+(\\d{1,9})\\s*(m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)\\b\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern IN_ZH = Pattern.compile("^(\\d{1,9})\\s*(分钟|小时|个小时|天|周|个星期)后\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern DAY_WORD = Pattern.compile(
            "^(today|tomorrow|今天|明天|后天)\\s*" + TIME + "\\s*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DATE = Pattern.compile(
            "^(\\d{1,5})-(\\d{1,2})-(\\d{1,2})[ T]+" + TIME + "\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern EVERY_DAY = Pattern.compile(
            "^(?:every\\s+day|daily|每天|每日)\\s*(?:at\\s+)?" + TIME + "\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EVERY_WEEKDAY = Pattern.compile(
            "^every\\s+([a-z]+)\\s+(?:at\\s+)?" + TIME + "\\s*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EVERY_WEEKDAY_ZH = Pattern.compile(
            "^(?:每周|每星期|每个星期|每礼拜)([一二三四五六日天1-7])\\s*" + TIME + "\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern EVERY_INTERVAL = Pattern.compile(
            "^(?:every\\s+(\\d+)\\s*[a-z]+|每\\s*(\\d+)\\s*(?:分钟|小时|天))", Pattern.CASE_INSENSITIVE);

    private static final Map<String, DayOfWeek> EN_DAYS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY));
    private static final String ZH_DAYS = "一二三四五六日";

    private ReminderParser() {
    }

    public static Result parse(String input, ZonedDateTime now) {
        String s = input == null ? "" : input.strip();
        if (s.isEmpty()) {
            return refused("when.missing");
        }
        Matcher m;
        if ((m = IN.matcher(s)).matches()) {
            return relative(Long.parseLong(m.group(1)), unitOf(m.group(2).toLowerCase(Locale.ROOT)), m.group(3), now);
        }
        if ((m = IN_ZH.matcher(s)).matches()) {
            String u = switch (m.group(2)) {
                case "分钟" -> "m";
                case "小时", "个小时" -> "h";
                case "天" -> "d";
                default -> "w";
            };
            return relative(Long.parseLong(m.group(1)), u, m.group(3), now);
        }
        if ((m = DAY_WORD.matcher(s)).matches()) {
            int plus = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "today", "今天" -> 0;
                case "后天" -> 2;
                default -> 1;
            };
            LocalTime time = time(m.group(2), m.group(3));
            if (time == null) {
                return refused("time.invalid", m.group(2) + ":" + m.group(3));
            }
            return once(now.toLocalDate().plusDays(plus), time, m.group(4), now);
        }
        if ((m = DATE.matcher(s)).matches()) {
            LocalTime time = time(m.group(4), m.group(5));
            if (time == null) {
                return refused("time.invalid", m.group(4) + ":" + m.group(5));
            }
            int year = Integer.parseInt(m.group(1));
            if (year > now.getYear() + 5) {
                return refused("tooFar", String.valueOf(year));
            }
            LocalDate date;
            try {
                date = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                return refused("date.invalid", m.group(1) + "-" + m.group(2) + "-" + m.group(3));
            }
            return once(date, time, m.group(6), now);
        }
        if ((m = EVERY_DAY.matcher(s)).matches()) {
            LocalTime time = time(m.group(1), m.group(2));
            if (time == null) {
                return refused("time.invalid", m.group(1) + ":" + m.group(2));
            }
            return withText(ReminderRule.daily(time, now.getZone()), m.group(3));
        }
        if ((m = EVERY_WEEKDAY.matcher(s)).matches() && EN_DAYS.containsKey(m.group(1).toLowerCase(Locale.ROOT))) {
            LocalTime time = time(m.group(2), m.group(3));
            if (time == null) {
                return refused("time.invalid", m.group(2) + ":" + m.group(3));
            }
            return withText(ReminderRule.weekly(EN_DAYS.get(m.group(1).toLowerCase(Locale.ROOT)), time, now.getZone()),
                    m.group(4));
        }
        if ((m = EVERY_WEEKDAY_ZH.matcher(s)).matches()) {
            String d = m.group(1);
            DayOfWeek day = d.equals("天") ? DayOfWeek.SUNDAY
                    : Character.isDigit(d.charAt(0)) ? DayOfWeek.of(Integer.parseInt(d))
                    : DayOfWeek.of(ZH_DAYS.indexOf(d) + 1);
            LocalTime time = time(m.group(2), m.group(3));
            if (time == null) {
                return refused("time.invalid", m.group(2) + ":" + m.group(3));
            }
            return withText(ReminderRule.weekly(day, time, now.getZone()), m.group(4));
        }
        if ((m = EVERY_INTERVAL.matcher(s)).find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            return n.matches("0+") ? refused("every.zero") : refused("every.interval");
        }
        if (s.toLowerCase(Locale.ROOT).startsWith("every") || s.startsWith("每")) {
            return refused("every.unknown");
        }
        return refused("when.unknown");
    }

    private static String unitOf(String word) {
        return switch (word.charAt(0)) {
            case 'm' -> "m";
            case 'h' -> "h";
            case 'd' -> "d";
            default -> "w";
        };
    }

    private static Result relative(long amount, String unit, String text, ZonedDateTime now) {
        if (amount <= 0) {
            return refused("in.zero");
        }
        long maxMinutes = MAX_AHEAD.toMinutes();
        long minutes = switch (unit) {
            case "m" -> amount;
            case "h" -> amount > maxMinutes / 60 ? Long.MAX_VALUE : amount * 60;
            case "d" -> amount > maxMinutes / 1440 ? Long.MAX_VALUE : amount * 1440;
            default -> amount > maxMinutes / 10080 ? Long.MAX_VALUE : amount * 10080;
        };
        if (minutes > maxMinutes) {
            return refused("tooFar", String.valueOf(now.getYear() + 5));
        }
        // Minutes and hours are elapsed time; days and weeks are calendar days in the learner's zone, so "in 1 day"
        // keeps the wall-clock time across a DST change (the local time resolved like any other).
        Instant at = unit.equals("m") || unit.equals("h")
                ? now.toInstant().plus(Duration.ofMinutes(minutes))
                : WallClock.resolve(now.toLocalDate().plusDays(minutes / 1440), now.toLocalTime(), now.getZone())
                        .toInstant();
        return withText(ReminderRule.once(at, now.getZone()), text);
    }

    private static Result once(LocalDate date, LocalTime time, String text, ZonedDateTime now) {
        ZonedDateTime at = WallClock.resolve(date, time, now.getZone());
        if (!at.toInstant().isAfter(now.toInstant())) {
            return refused("past", date + " " + time);
        }
        if (at.toInstant().isAfter(now.toInstant().plus(MAX_AHEAD))) {
            return refused("tooFar", String.valueOf(date.getYear()));
        }
        return withText(ReminderRule.once(at.toInstant(), now.getZone()), text);
    }

    private static Result withText(ReminderRule rule, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return refused("text.missing");
        }
        if (t.codePointCount(0, t.length()) > MAX_TEXT) {
            return refused("text.tooLong", MAX_TEXT);
        }
        return new Parsed(rule, t);
    }

    private static LocalTime time(String h, String m) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        if (hour > 23 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    private static Refused refused(String key, Object... args) {
        return new Refused(key, List.of(args));
    }
}

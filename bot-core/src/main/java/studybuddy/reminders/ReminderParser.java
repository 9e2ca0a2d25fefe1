package studybuddy.reminders;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import studybuddy.when.ClockTime;
import studybuddy.when.Cursor;
import studybuddy.when.PartOfDay;

/**
 * Reads the "when" and the text of {@code /remind} as people write them, in English and Chinese: "tomorrow 7pm …",
 * "me every monday at 19:00 to study", "in 1h30 …", "tonight …", "next monday …", a bare "23:44 …",
 * "every weekday 8am …", "every other day …", "明天晚上7点…", "每周三和周五晚上…", "下周一早上…", "半小时后…".
 *
 * <p>Why a grammar of our own rather than a library: natty (and its maintained fork io.github.natty-parser, and
 * prettytime-nlp, which wraps it) reads English only, computes java.util.Date in one JVM time zone and turns "every
 * weekday" into a list of dates rather than a rule; the Chinese time-expression parsers on Maven Central (xk-time's
 * TimeNLP, a port of Time-NLP) are regex tables over LocalDateTime in the default zone, with no recurrence. Neither
 * gives a recurring wall-clock rule in the learner's IANA zone, which is what the sweep needs to stay right across
 * DST. So this is a small recursive-descent grammar over both languages: a "when" is a bag of pieces (recurrence,
 * relative delay, date, part of the day, clock time) in any order, found at the start of the line or, failing
 * that, at its end ("… to study every monday at 19:00").
 *
 * <p>Refusals carry a message key of the {@code reminders} bundle: the past, the absurd, empty or overlong texts.
 */
public final class ReminderParser {
    public static final int MAX_TEXT = 500;
    /** Nothing further ahead than this: year 9999 is a typo, not a plan. */
    public static final Duration MAX_AHEAD = Duration.ofDays(5 * 366);
    /** When only a day is said ("tomorrow", "every weekday"), the reminder comes at this time. */
    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    /** The longest "when" looked for at the end of a line ("… every monday, wednesday and friday at 7:30 pm"). */
    static final int MAX_SUFFIX_WHEN = 80;

    public sealed interface Result {
    }

    public record Parsed(ReminderRule rule, String text) implements Result {
    }

    public record Refused(String key, List<Object> args) implements Result {
        public Refused {
            args = List.copyOf(args);
        }
    }

    private static final Map<String, DayOfWeek> EN_DAYS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("weds", DayOfWeek.WEDNESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY));
    private static final String[] EN_DAY_WORDS = EN_DAYS.keySet().toArray(String[]::new);
    private static final String[] EN_DAY_PLURALS = EN_DAYS.keySet().stream().filter(w -> w.length() > 4)
            .map(w -> w + "s").toArray(String[]::new);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7), Map.entry("july", 7), Map.entry("aug", 8),
            Map.entry("august", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9),
            Map.entry("oct", 10), Map.entry("october", 10), Map.entry("nov", 11), Map.entry("november", 11),
            Map.entry("dec", 12), Map.entry("december", 12));
    private static final String[] MONTH_WORDS = MONTHS.keySet().toArray(String[]::new);
    private static final String ZH_DAY_CHARS = "一二三四五六日天七1234567";
    private static final String[] ZH_WEEK = {"星期", "礼拜", "周"};
    private static final String[] ZH_LIST_SEPARATORS = {"和", "、", ",", "及", "跟", "与", "或", "/", "还有", "以及"};

    private ReminderParser() {
    }

    // ---------------------------------------------------------------- the pieces of a "when"

    private enum WeekMode { COMING, AFTER_TODAY, THIS_WEEK, NEXT_WEEK, WEEK_AFTER }

    private sealed interface DateSpec {
    }

    private record DaysFromToday(int days) implements DateSpec {
    }

    private record OnWeekday(DayOfWeek day, WeekMode mode) implements DateSpec {
    }

    private record OnMonthDay(Integer year, int month, int day) implements DateSpec {
    }

    /** @param days null for every day; @param everyDays 0 unless an interval; @param weekly "every week" alone */
    private record Recur(Set<DayOfWeek> days, int everyDays, boolean weekly) {
    }

    /** @param days calendar days (keep the wall-clock time); @param seconds elapsed time */
    private record Relative(long days, long seconds) {
    }

    /** What has been read so far; each slot is filled at most once. */
    private static final class Spec {
        Recur recur;
        Relative relative;
        DateSpec date;
        PartOfDay part;
        ClockTime clock;
        String clockText;
        Refused error;
        int pieces;

        boolean fixed() {
            return recur != null || relative != null || date != null;
        }
    }

    // ---------------------------------------------------------------- entry point

    public static Result parse(String input, ZonedDateTime now) {
        String raw = input == null ? "" : input;
        String norm = Cursor.normalise(raw);
        Cursor c = new Cursor(norm);
        c.oneOf("please remind me", "remind me", "please", "remind", "请提醒我", "提醒我", "请", "叫我");
        c.lit("me");
        c.skipSpaces();
        int lead = c.pos();
        if (c.atEnd()) {
            return refused("when.missing");
        }
        Spec first = read(c);
        if (first.error != null) {
            return first.error;
        }
        if (first.pieces > 0) {
            return build(first, now, raw.substring(c.pos()));
        }
        // the "when" at the end: "me to study every monday at 19:00"
        Refused suffixError = null;
        // a "when" at the end is short: looking for it in the last characters only keeps long texts cheap
        for (int i = Math.max(lead + 1, norm.length() - MAX_SUFFIX_WHEN); i < norm.length(); i++) {
            if (!boundary(norm, i)) {
                continue;
            }
            Cursor s = new Cursor(norm);
            s.reset(i);
            Spec spec = read(s);
            if (spec.pieces == 0 && spec.error == null) {
                continue;
            }
            skipTrailing(s);
            if (!s.atEnd()) {
                continue;
            }
            if (spec.error != null) {
                suffixError = suffixError == null ? spec.error : suffixError;
                continue;
            }
            return build(spec, now, raw.substring(lead, i));
        }
        if (suffixError != null) {
            return suffixError;
        }
        String start = norm.substring(lead);
        return start.startsWith("every") || start.startsWith("每") ? refused("every.unknown") : refused("when.unknown");
    }

    private static boolean boundary(String s, int i) {
        return !(Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) < 128
                && Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 128);
    }

    private static void skipTrailing(Cursor c) {
        while (!c.atEnd() && " .!?,;~。！？…".indexOf(c.peek()) >= 0) {
            c.skipSpaces();
            c.reset(c.pos() + 1);
        }
    }

    /** Reads pieces in any order until none fits. */
    private static Spec read(Cursor c) {
        Spec spec = new Spec();
        while (spec.error == null) {
            int p = c.pos();
            String filler = c.oneOf("at", "@", "around", "on", "by", "的", "在", "于", ",");
            boolean afterAt = filler != null && (filler.equals("at") || filler.equals("@") || filler.equals("around"));
            if (piece(c, spec, afterAt)) {
                spec.pieces++;
                continue;
            }
            if (spec.error == null) {
                c.reset(p);
            }
            break;
        }
        return spec;
    }

    private static boolean piece(Cursor c, Spec spec, boolean afterAt) {
        int p = c.pos();
        if (!spec.fixed() && (recurrence(c, spec) || spec.error != null)) {
            return spec.error == null;
        }
        c.reset(p);
        if (!spec.fixed() && (relative(c, spec) || spec.error != null)) {
            return spec.error == null;
        }
        c.reset(p);
        if (!spec.fixed() && date(c, spec)) {
            return spec.error == null;
        }
        c.reset(p);
        if (spec.part == null) {
            PartOfDay part = PartOfDay.chinese(c);
            if (part == null) {
                part = englishPart(c, spec.clock == null);
            }
            if (part != null) {
                spec.part = part;
                return true;
            }
        }
        c.reset(p);
        if (spec.clock == null) {
            int start = c.pos();
            c.skipSpaces();
            int from = c.pos();
            Optional<ClockTime> clock = ClockTime.parse(c, afterAt || spec.part != null);
            if (clock.isPresent()) {
                spec.clock = clock.get();
                spec.clockText = c.text().substring(from, c.pos());
                if (clock.get().resolve(spec.part).isEmpty()) {
                    spec.error = refused("time.invalid", spec.clockText);
                }
                return true;
            }
            c.reset(start);
        }
        return false;
    }

    private static PartOfDay englishPart(Cursor c, boolean beforeClock) {
        int p = c.pos();
        String phrase = c.oneOf("in the morning", "in the afternoon", "in the evening", "at night");
        if (phrase != null) {
            return switch (phrase) {
                case "in the morning" -> PartOfDay.MORNING;
                case "in the afternoon" -> PartOfDay.AFTERNOON;
                default -> PartOfDay.EVENING;
            };
        }
        // a bare "morning" only before the clock time: after it, "19:00 morning run" is the text
        if (beforeClock) {
            String word = c.oneOf("morning", "afternoon", "evening", "night");
            if (word != null) {
                return switch (word) {
                    case "morning" -> PartOfDay.MORNING;
                    case "afternoon" -> PartOfDay.AFTERNOON;
                    default -> PartOfDay.EVENING;
                };
            }
        }
        c.reset(p);
        return null;
    }

    // ---------------------------------------------------------------- recurrence

    private static boolean recurrence(Cursor c, Spec spec) {
        int p = c.pos();
        if (c.oneOf("每", "每个") != null) {
            return chineseRecurrence(c, spec);
        }
        c.reset(p);
        String word = c.oneOf("every", "each");
        if (word != null) {
            return englishEvery(c, spec);
        }
        String alone = c.oneOf("daily", "everyday", "nightly", "weekly", "biweekly", "fortnightly", "weekdays",
                "on weekdays", "weekends", "on weekends", "天天", "工作日", "隔天");
        if (alone != null) {
            switch (alone) {
                case "daily", "everyday", "天天" -> spec.recur = new Recur(null, 0, false);
                case "nightly" -> {
                    spec.recur = new Recur(null, 0, false);
                    spec.part = spec.part == null ? PartOfDay.EVENING : spec.part;
                }
                case "weekly" -> weeklyOn(c, spec, 0);
                case "biweekly", "fortnightly" -> weeklyOn(c, spec, 14);
                case "weekdays", "on weekdays", "工作日" -> spec.recur = new Recur(ReminderRule.WEEKDAYS, 0, false);
                case "weekends", "on weekends" -> spec.recur = new Recur(ReminderRule.WEEKEND, 0, false);
                default -> spec.recur = new Recur(null, 2, false);
            }
            return true;
        }
        // "mondays and thursdays", "on mondays", "monday to friday", "周一到周五"
        c.reset(p);
        c.lit("on");
        Set<DayOfWeek> plural = englishDays(c, true);
        if (plural != null) {
            spec.recur = new Recur(plural, 0, false);
            return true;
        }
        c.reset(p);
        Set<DayOfWeek> range = englishDays(c, false);
        if (range != null && range.size() > 1) {
            spec.recur = new Recur(range, 0, false);
            return true;
        }
        c.reset(p);
        Set<DayOfWeek> zhRange = chineseDays(c, true);
        if (zhRange != null && zhRange.size() > 1) {
            spec.recur = new Recur(zhRange, 0, false);
            return true;
        }
        c.reset(p);
        return false;
    }

    private static boolean englishEvery(Cursor c, Spec spec) {
        int p = c.pos();
        if (c.oneOf("other day", "second day", "2nd day") != null) {
            spec.recur = new Recur(null, 2, false);
            return true;
        }
        if (c.oneOf("other week", "second week", "2nd week", "fortnight") != null) {
            return weeklyOn(c, spec, 14);
        }
        if (c.oneOf("other", "second", "2nd") != null) {
            DayOfWeek day = englishDay(c, false);
            if (day != null) {
                spec.recur = new Recur(EnumSet.of(day), 14, false);
                return true;
            }
            c.reset(p);
        }
        if (c.oneOf("single day", "day") != null) {
            spec.recur = new Recur(null, 0, false);
            return true;
        }
        String part = c.oneOf("morning", "afternoon", "evening", "night");
        if (part != null) {
            spec.recur = new Recur(null, 0, false);
            spec.part = part.equals("morning") ? PartOfDay.MORNING
                    : part.equals("afternoon") ? PartOfDay.AFTERNOON : PartOfDay.EVENING;
            return true;
        }
        if (c.oneOf("weekday", "week day", "workday", "working day", "business day", "weekdays") != null) {
            spec.recur = new Recur(ReminderRule.WEEKDAYS, 0, false);
            return true;
        }
        if (c.oneOf("weekend", "weekends") != null) {
            spec.recur = new Recur(ReminderRule.WEEKEND, 0, false);
            return true;
        }
        if (c.lit("week")) {
            return weeklyOn(c, spec, 0);
        }
        Set<DayOfWeek> days = englishDays(c, false);
        if (days == null) {
            days = englishDays(c, true);
        }
        if (days != null) {
            spec.recur = new Recur(days, 0, false);
            return true;
        }
        c.reset(p);
        if (c.oneOf("hour", "minute", "second", "month", "year") != null) {
            spec.error = refused("every.often");
            return false;
        }
        Integer n = c.number(true);
        if (n != null) {
            String unit = c.oneOf("days", "day", "d", "weeks", "week", "w", "minutes", "minute", "mins", "min", "m",
                    "hours", "hour", "hrs", "hr", "h", "seconds", "second", "secs", "sec", "s", "months", "month",
                    "years", "year");
            if (unit != null) {
                if (n == 0) {
                    spec.error = refused("every.zero");
                    return false;
                }
                if (unit.startsWith("d") && n <= 366) {
                    spec.recur = new Recur(null, n, false);
                    return true;
                }
                if (unit.startsWith("w") && n <= 52) {
                    return weeklyOn(c, spec, 7 * n);
                }
                spec.error = refused("every.often");
                return false;
            }
        }
        spec.error = refused("every.unknown");
        return false;
    }

    /** "every week", "every 2 weeks on monday", "每两周周五": on a weekday (today's when none is said). */
    private static boolean weeklyOn(Cursor c, Spec spec, int everyDays) {
        int p = c.pos();
        c.lit("on");
        Set<DayOfWeek> days = englishDays(c, false);
        if (days == null) {
            c.reset(p);
            c.lit("的");
            days = chineseDays(c, true);
        }
        if (days == null) {
            c.reset(p);
        }
        if (everyDays == 0) {
            spec.recur = new Recur(days, 0, days == null);
            return true;
        }
        if (days != null && days.size() > 1) {
            spec.error = refused("every.unknown");
            return false;
        }
        spec.recur = new Recur(days, everyDays, false);
        return true;
    }

    private static boolean chineseRecurrence(Cursor c, Spec spec) {
        int p = c.pos();
        String w = c.oneOf("天", "日", "一天", "晚", "早", "个工作日", "工作日", "个周末", "周末", "隔天", "隔一天", "逢");
        if (w != null) {
            switch (w) {
                case "天", "日", "一天" -> spec.recur = new Recur(null, 0, false);
                case "晚" -> {
                    spec.recur = new Recur(null, 0, false);
                    spec.part = PartOfDay.EVENING;
                }
                case "早" -> {
                    spec.recur = new Recur(null, 0, false);
                    spec.part = PartOfDay.MORNING;
                }
                case "个工作日", "工作日" -> spec.recur = new Recur(ReminderRule.WEEKDAYS, 0, false);
                case "个周末", "周末" -> spec.recur = new Recur(ReminderRule.WEEKEND, 0, false);
                case "隔天", "隔一天" -> spec.recur = new Recur(null, 2, false);
                default -> {
                    if (c.lit("工作日")) {
                        spec.recur = new Recur(ReminderRule.WEEKDAYS, 0, false);
                        return true;
                    }
                    Set<DayOfWeek> days = chineseDays(c, true);
                    if (days == null) {
                        spec.error = refused("every.unknown");
                        return false;
                    }
                    spec.recur = new Recur(days, 0, false);
                }
            }
            return true;
        }
        // 每周三和周五, 每周一三五, 每星期二, 每周
        if (c.oneOf("个星期", "个礼拜", "星期", "礼拜", "周") != null) {
            Set<DayOfWeek> days = chineseDays(c, false);
            if (days == null && "八九十零0890".indexOf(c.peek()) >= 0) {
                spec.error = refused("every.unknown"); // 每周八: no such day
                return false;
            }
            spec.recur = new Recur(days, 0, days == null);
            return true;
        }
        // 每隔一周, 每两周, 每隔三天, 每3天, 每2小时
        boolean skip = c.lit("隔");
        Integer n = c.number(false);
        if (n == null && skip) {
            n = 1;
        }
        if (n != null) {
            c.lit("个");
            String unit = c.oneOf("天", "日", "周", "星期", "礼拜", "小时", "钟头", "分钟", "分", "秒", "月", "年");
            if (unit != null) {
                int count = skip ? n + 1 : n;
                if (n == 0) {
                    spec.error = refused("every.zero");
                    return false;
                }
                if ((unit.equals("天") || unit.equals("日")) && count <= 366) {
                    spec.recur = new Recur(null, count, false);
                    return true;
                }
                if ((unit.equals("周") || unit.equals("星期") || unit.equals("礼拜")) && count <= 52) {
                    // 每隔一周 is every other week: one week skipped
                    return weeklyOn(c, spec, 7 * count);
                }
                spec.error = refused("every.often");
                return false;
            }
        }
        c.reset(p);
        if (c.oneOf("小时", "个小时", "分钟", "月", "个月", "年") != null) {
            spec.error = refused("every.often");
            return false;
        }
        spec.error = refused("every.unknown");
        return false;
    }

    /** An English weekday; with {@code plural} only the plural form ("mondays"). */
    private static DayOfWeek englishDay(Cursor c, boolean plural) {
        String w = c.oneOf(plural ? EN_DAY_PLURALS : EN_DAY_WORDS);
        if (w == null) {
            return null;
        }
        return EN_DAYS.get(plural ? w.substring(0, w.length() - 1) : w);
    }

    /** "monday", "mon, wed and fri", "mondays and thursdays", "monday to friday"; null when no day is there. */
    private static Set<DayOfWeek> englishDays(Cursor c, boolean plural) {
        DayOfWeek first = englishDay(c, plural);
        if (first == null) {
            return null;
        }
        EnumSet<DayOfWeek> days = EnumSet.of(first);
        DayOfWeek last = first;
        while (true) {
            int p = c.pos();
            if (c.oneOf("-", "to", "through", "thru", "till", "until", "–") != null) {
                DayOfWeek to = englishDay(c, plural);
                if (to != null) {
                    addRange(days, last, to);
                    last = to;
                    continue;
                }
                c.reset(p);
                break;
            }
            c.lit(",");
            c.oneOf("and", "&", "/", "+");
            DayOfWeek next = englishDay(c, plural);
            if (next == null || c.pos() == p) {
                c.reset(p);
                break;
            }
            days.add(next);
            last = next;
        }
        return days;
    }

    /**
     * Chinese weekdays after 每周 or alone: "一", "三和周五", "一三五", "一、三、五", "一到五", "周一至周五". With
     * {@code prefixed} the first day needs its 周/星期/礼拜.
     */
    private static Set<DayOfWeek> chineseDays(Cursor c, boolean prefixed) {
        int p = c.pos();
        if (prefixed && c.oneOf(ZH_WEEK) == null) {
            return null;
        }
        DayOfWeek first = chineseDay(c);
        if (first == null) {
            c.reset(p);
            return null;
        }
        EnumSet<DayOfWeek> days = EnumSet.of(first);
        DayOfWeek last = first;
        while (true) {
            int q = c.pos();
            DayOfWeek run = chineseDay(c);
            if (run != null) {
                days.add(run);
                last = run;
                continue;
            }
            if (c.oneOf("到", "至", "-", "~", "–") != null) {
                c.oneOf(ZH_WEEK);
                DayOfWeek to = chineseDay(c);
                if (to == null) {
                    c.reset(q);
                    break;
                }
                addRange(days, last, to);
                last = to;
                continue;
            }
            if (c.oneOf(ZH_LIST_SEPARATORS) != null) {
                c.oneOf(ZH_WEEK);
                DayOfWeek next = chineseDay(c);
                if (next != null) {
                    days.add(next);
                    last = next;
                    continue;
                }
            }
            c.reset(q);
            break;
        }
        return days;
    }

    private static DayOfWeek chineseDay(Cursor c) {
        int p = c.pos();
        if (p >= c.text().length()) {
            return null;
        }
        char ch = c.text().charAt(p);
        int i = ZH_DAY_CHARS.indexOf(ch);
        if (i < 0 || (Character.isDigit(ch) && p + 1 < c.text().length() && Character.isDigit(c.text().charAt(p + 1)))) {
            return null;
        }
        // 周一点: "一点" is one o'clock, not Monday
        if (p + 1 < c.text().length() && "点點时時".indexOf(c.text().charAt(p + 1)) >= 0) {
            return null;
        }
        c.reset(p + 1);
        return switch (ch) {
            case '日', '天', '七', '7' -> DayOfWeek.SUNDAY;
            default -> DayOfWeek.of(Character.isDigit(ch) ? ch - '0' : "一二三四五六".indexOf(ch) + 1);
        };
    }

    private static void addRange(EnumSet<DayOfWeek> days, DayOfWeek from, DayOfWeek to) {
        for (DayOfWeek d = from; ; d = d.plus(1)) {
            days.add(d);
            if (d == to) {
                break;
            }
        }
    }

    // ---------------------------------------------------------------- relative delays

    private static boolean relative(Cursor c, Spec spec) {
        int p = c.pos();
        if (c.oneOf("in", "after", "within") != null) {
            Relative r = englishAmounts(c, spec);
            if (r != null) {
                spec.relative = r;
                return true;
            }
            c.reset(p);
            return false;
        }
        Relative r = englishAmounts(c, spec);
        if (r != null && c.lit("from now")) {
            spec.relative = r;
            return true;
        }
        c.reset(p);
        boolean pass = c.oneOf("过", "再过") != null;
        r = chineseAmounts(c, spec);
        if (r != null && (c.oneOf("后", "以后", "之后", "过后") != null || pass)) {
            spec.relative = r;
            return true;
        }
        if (spec.error == null) {
            c.reset(p);
        }
        return false;
    }

    private static Relative englishAmounts(Cursor c, Spec spec) {
        long days = 0;
        long seconds = 0;
        boolean any = false;
        while (true) {
            int p = c.pos();
            if (any) {
                c.oneOf("and", ",");
            }
            double amount;
            if (c.oneOf("half an", "half a") != null) {
                amount = 0.5;
            } else {
                Double n = decimal(c);
                if (n == null) {
                    c.reset(p);
                    break;
                }
                amount = n;
            }
            String unit = c.oneOf("seconds", "second", "secs", "sec", "s", "minutes", "minute", "mins", "min", "m",
                    "hours", "hour", "hrs", "hr", "h", "days", "day", "d", "weeks", "week", "wks", "wk", "w");
            if (unit == null) {
                c.reset(p);
                break;
            }
            if (c.lit("and a half")) {
                amount += 0.5;
            }
            long unitSeconds = unitSeconds(unit.charAt(0));
            if (unitSeconds >= 86_400 && amount == Math.rint(amount)) {
                days += (long) amount * (unitSeconds / 86_400);
            } else {
                seconds += Math.round(amount * unitSeconds);
            }
            any = true;
            // "1h30", "2 hours 15": a bare number after hours is minutes
            if (unit.charAt(0) == 'h') {
                int q = c.pos();
                Integer minutes = c.digits(2);
                if (minutes != null && c.oneOf("minutes", "minute", "mins", "min", "m") == null) {
                    seconds += minutes * 60L;
                } else {
                    c.reset(q);
                }
            }
        }
        return any ? new Relative(days, seconds) : null;
    }

    private static Double decimal(Cursor c) {
        int p = c.pos();
        Integer whole = c.digits(9);
        if (whole == null) {
            Integer word = c.number(true);
            return word == null ? null : word.doubleValue();
        }
        if (c.pos() + 1 < c.text().length() && c.text().charAt(c.pos()) == '.'
                && Character.isDigit(c.text().charAt(c.pos() + 1))) {
            c.reset(c.pos() + 1);
            int q = c.pos();
            Integer frac = c.digits(3);
            if (frac == null) {
                c.reset(p);
                return null;
            }
            return whole + frac / Math.pow(10, c.pos() - q);
        }
        return whole.doubleValue();
    }

    private static long unitSeconds(char unit) {
        return switch (unit) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            default -> 7 * 86_400;
        };
    }

    private static Relative chineseAmounts(Cursor c, Spec spec) {
        long days = 0;
        long seconds = 0;
        boolean any = false;
        while (true) {
            int p = c.pos();
            double amount;
            if (c.lit("半")) {
                amount = 0.5;
                c.lit("个");
            } else {
                Integer n = c.number(false);
                if (n == null) {
                    break;
                }
                amount = n;
                c.lit("个");
                if (c.lit("半")) {
                    amount += 0.5;
                }
            }
            String unit = c.oneOf("秒钟", "秒", "分钟", "分", "刻钟", "小时", "钟头", "钟", "天", "日", "周", "星期", "礼拜");
            if (unit == null) {
                c.reset(p);
                break;
            }
            long unitSeconds = switch (unit) {
                case "秒钟", "秒" -> 1;
                case "分钟", "分" -> 60;
                case "刻钟" -> 900;
                case "小时", "钟头", "钟" -> 3600;
                case "天", "日" -> 86_400;
                default -> 7 * 86_400;
            };
            if (unitSeconds >= 86_400 && amount == Math.rint(amount)) {
                days += (long) amount * (unitSeconds / 86_400);
            } else {
                seconds += Math.round(amount * unitSeconds);
            }
            any = true;
        }
        return any ? new Relative(days, seconds) : null;
    }

    // ---------------------------------------------------------------- dates

    private static boolean date(Cursor c, Spec spec) {
        int p = c.pos();
        String w = c.oneOf("today", "tonight", "this morning", "this afternoon", "this evening", "tomorrow", "tmrw",
                "tmr", "tomorow", "tommorow", "tommorrow", "the day after tomorrow", "day after tomorrow", "overmorrow",
                "今天", "今日", "今晚", "今早", "明天", "明日", "明早", "明晚", "后天", "大后天");
        if (w != null) {
            int plus = switch (w) {
                case "today", "tonight", "this morning", "this afternoon", "this evening", "今天", "今日", "今晚", "今早" -> 0;
                case "the day after tomorrow", "day after tomorrow", "overmorrow", "后天" -> 2;
                case "大后天" -> 3;
                default -> 1;
            };
            PartOfDay part = switch (w) {
                case "tonight", "this evening", "今晚", "明晚" -> PartOfDay.EVENING;
                case "this morning", "今早", "明早" -> PartOfDay.MORNING;
                case "this afternoon" -> PartOfDay.AFTERNOON;
                default -> null;
            };
            if (part != null) {
                if (spec.part != null) {
                    c.reset(p);
                    return false;
                }
                spec.part = part;
            }
            spec.date = new DaysFromToday(plus);
            return true;
        }
        String mode = c.oneOf("this coming", "this", "next", "coming", "on");
        DayOfWeek day = englishDay(c, false);
        if (day != null) {
            spec.date = new OnWeekday(day, "next".equals(mode) ? WeekMode.AFTER_TODAY : WeekMode.COMING);
            return true;
        }
        c.reset(p);
        if (c.lit("next week")) {
            spec.date = new OnWeekday(DayOfWeek.MONDAY, WeekMode.NEXT_WEEK);
            return true;
        }
        // 下周一, 这周五, 下下个星期三, 周日
        String zhMode = c.oneOf("这个", "这", "本", "下个", "下", "下下个", "下下");
        if (c.oneOf(ZH_WEEK) != null) {
            DayOfWeek zhDay = chineseDay(c);
            WeekMode m = zhMode == null ? WeekMode.COMING
                    : zhMode.startsWith("下下") ? WeekMode.WEEK_AFTER
                    : zhMode.startsWith("下") ? WeekMode.NEXT_WEEK : WeekMode.THIS_WEEK;
            if (zhDay != null) {
                spec.date = new OnWeekday(zhDay, m);
                return true;
            }
            if (m == WeekMode.NEXT_WEEK) {
                spec.date = new OnWeekday(DayOfWeek.MONDAY, WeekMode.NEXT_WEEK);
                return true;
            }
        }
        c.reset(p);
        return numericDate(c, spec) || monthNameDate(c, spec) || chineseDate(c, spec);
    }

    /** 2026-12-01, 2026/12/01, 2026.12.01. */
    private static boolean numericDate(Cursor c, Spec spec) {
        int p = c.pos();
        Integer y = c.digits(5);
        if (y == null || y < 1000) {
            c.reset(p);
            return false;
        }
        String sep = c.oneOf("-", "/", ".");
        Integer m = sep == null ? null : c.digits(2);
        if (m == null || !c.lit(sep)) {
            c.reset(p);
            return false;
        }
        Integer d = c.digits(2);
        if (d == null) {
            c.reset(p);
            return false;
        }
        c.lit("t");
        spec.date = new OnMonthDay(y, m, d);
        return true;
    }

    /** "dec 25", "december 25th, 2026", "25 dec", "25th of december". */
    private static boolean monthNameDate(Cursor c, Spec spec) {
        int p = c.pos();
        String month = c.oneOf(MONTH_WORDS);
        if (month != null) {
            c.lit(".");
            c.lit("the");
            Integer d = c.digits(2);
            if (d != null) {
                c.oneOf("st", "nd", "rd", "th");
                spec.date = new OnMonthDay(year(c), MONTHS.get(month), d);
                return true;
            }
            c.reset(p);
            return false;
        }
        c.lit("the");
        Integer d = c.digits(2);
        if (d != null) {
            c.oneOf("st", "nd", "rd", "th");
            c.lit("of");
            month = c.oneOf(MONTH_WORDS);
            if (month != null) {
                spec.date = new OnMonthDay(year(c), MONTHS.get(month), d);
                return true;
            }
        }
        c.reset(p);
        return false;
    }

    private static Integer year(Cursor c) {
        int p = c.pos();
        c.lit(",");
        Integer y = c.digits(4);
        if (y == null || y < 1000) {
            c.reset(p);
            return null;
        }
        return y;
    }

    /** 2027年1月3日, 12月25号, 十二月二十五日, 25号. */
    private static boolean chineseDate(Cursor c, Spec spec) {
        int p = c.pos();
        Integer year = null;
        Integer y = c.digits(4);
        if (y != null && c.lit("年")) {
            year = y;
        } else {
            c.reset(p);
        }
        int q = c.pos();
        Integer month = c.number(false);
        if (month != null && c.lit("月")) {
            Integer d = c.number(false);
            if (d != null && c.oneOf("日", "号") != null) {
                spec.date = new OnMonthDay(year, month, d);
                return true;
            }
        }
        c.reset(q);
        if (year == null) {
            Integer d = c.number(false);
            if (d != null && c.oneOf("号", "日") != null) {
                spec.date = new OnMonthDay(null, 0, d);
                return true;
            }
        }
        c.reset(p);
        return false;
    }

    // ---------------------------------------------------------------- from pieces to a rule

    private static Result build(Spec spec, ZonedDateTime now, String rest) {
        LocalDate today = now.toLocalDate();
        LocalTime time = DEFAULT_TIME;
        boolean nextDay = false;
        boolean timeSaid = spec.clock != null || spec.part != null;
        if (spec.clock != null) {
            ClockTime.Resolved r = spec.clock.resolve(spec.part).orElseThrow();
            time = r.time();
            nextDay = r.nextDay();
        } else if (spec.part != null) {
            time = spec.part.usual();
        }
        String text = text(rest);
        if (spec.recur != null) {
            Recur r = spec.recur;
            ReminderRule rule;
            if (r.everyDays() > 0) {
                Set<DayOfWeek> on = r.days() == null && r.everyDays() % 7 == 0
                        ? EnumSet.of(today.getDayOfWeek()) : r.days();
                LocalDate anchor = today;
                while ((on != null && !on.contains(anchor.getDayOfWeek()))
                        || !WallClock.resolve(anchor, time, now.getZone()).toInstant().isAfter(now.toInstant())) {
                    anchor = anchor.plusDays(1);
                }
                rule = ReminderRule.everyDays(r.everyDays(), anchor, time, now.getZone());
            } else if (r.weekly()) {
                rule = ReminderRule.weekly(today.getDayOfWeek(), time, now.getZone());
            } else if (r.days() == null) {
                rule = ReminderRule.daily(time, now.getZone());
            } else {
                rule = ReminderRule.weekly(r.days(), time, now.getZone());
            }
            return withText(rule, text);
        }
        if (spec.relative != null) {
            Relative r = spec.relative;
            if (r.days() == 0 && r.seconds() == 0) {
                return refused("in.zero");
            }
            if (r.days() > MAX_AHEAD.toDays() || r.seconds() > MAX_AHEAD.toSeconds()) {
                return refused("tooFar", String.valueOf(now.getYear() + 5));
            }
            if (timeSaid) {
                if (r.seconds() > 0) {
                    return refused("when.unknown");
                }
                return once(today.plusDays(r.days() + (nextDay ? 1 : 0)), time, text, now);
            }
            // hours and minutes are elapsed time; days and weeks are calendar days in the learner's zone, so
            // "in 1 day" keeps the wall-clock time across a DST change
            ZonedDateTime base = r.days() == 0 ? now
                    : WallClock.resolve(today.plusDays(r.days()), now.toLocalTime(), now.getZone());
            return withText(ReminderRule.once(base.toInstant().plusSeconds(r.seconds()), now.getZone()), text);
        }
        LocalDate date;
        int shift = nextDay ? 1 : 0;
        if (spec.date == null) {
            // a time alone ("23:44", "8am", "晚上9点"): its next occurrence
            date = today;
            if (!future(date.plusDays(shift), time, now)) {
                date = date.plusDays(1);
            }
        } else if (spec.date instanceof DaysFromToday d) {
            date = today.plusDays(d.days());
        } else if (spec.date instanceof OnWeekday w) {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            date = switch (w.mode()) {
                case COMING -> {
                    LocalDate d = today.with(TemporalAdjusters.nextOrSame(w.day()));
                    yield future(d.plusDays(shift), time, now) ? d : d.plusWeeks(1);
                }
                case AFTER_TODAY -> today.with(TemporalAdjusters.next(w.day()));
                case THIS_WEEK -> monday.plusDays(w.day().getValue() - 1);
                case NEXT_WEEK -> monday.plusWeeks(1).plusDays(w.day().getValue() - 1);
                case WEEK_AFTER -> monday.plusWeeks(2).plusDays(w.day().getValue() - 1);
            };
        } else {
            OnMonthDay md = (OnMonthDay) spec.date;
            String said = (md.year() == null ? "" : md.year() + "-") + (md.month() == 0 ? "" : md.month() + "-") + md.day();
            if (md.year() != null && md.year() > now.getYear() + 5) {
                return refused("tooFar", String.valueOf(md.year()));
            }
            Optional<LocalDate> found = monthDay(md, today, time, shift, now);
            if (found.isEmpty()) {
                return refused("date.invalid", said);
            }
            date = found.get();
        }
        return once(date.plusDays(shift), time, text, now);
    }

    private static Optional<LocalDate> monthDay(OnMonthDay md, LocalDate today, LocalTime time, int shift,
                                                ZonedDateTime now) {
        try {
            if (md.year() != null) {
                return Optional.of(LocalDate.of(md.year(), md.month(), md.day()));
            }
            if (md.month() == 0) {
                // 25号: this month's, or the next month that has that day
                for (int i = 0; i < 13; i++) {
                    LocalDate first = today.withDayOfMonth(1).plusMonths(i);
                    if (md.day() >= 1 && md.day() <= first.lengthOfMonth()) {
                        LocalDate d = first.withDayOfMonth(md.day());
                        if (future(d.plusDays(shift), time, now)) {
                            return Optional.of(d);
                        }
                    }
                }
                return Optional.empty();
            }
            for (int i = 0; i < 8; i++) {
                int year = today.getYear() + i;
                if (md.month() == 2 && md.day() == 29 && !java.time.Year.isLeap(year)) {
                    continue;
                }
                LocalDate d = LocalDate.of(year, md.month(), md.day());
                if (future(d.plusDays(shift), time, now)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean future(LocalDate date, LocalTime time, ZonedDateTime now) {
        return WallClock.resolve(date, time, now.getZone()).toInstant().isAfter(now.toInstant());
    }

    /** The reminder text: what follows the "when", without a leading "to", "that" or "提醒我". */
    private static String text(String rest) {
        String t = rest.strip();
        boolean changed = true;
        while (changed && !t.isEmpty()) {
            changed = false;
            String stripped = t.replaceFirst("^[,，:：;；\\-—、.。]+\\s*", "")
                    .replaceFirst("(?i)^(to|that|about)\\s+(?=\\S)", "")
                    .replaceFirst("^(请提醒我|提醒我一下|提醒我|提醒|叫我|让我|记得)\\s*(?=\\S)", "");
            if (!stripped.equals(t)) {
                t = stripped.strip();
                changed = true;
            }
        }
        return t;
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

    private static Refused refused(String key, Object... args) {
        return new Refused(key, List.of(args));
    }
}

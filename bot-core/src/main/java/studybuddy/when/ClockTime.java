package studybuddy.when;

import java.time.LocalTime;
import java.util.Optional;

/**
 * A clock time as people write it, in English and Chinese: "19:00", "7pm", "7.30 p.m.", "noon", "half past 6",
 * "9点", "九点半", "8点一刻", "晚上8点", "下午3:30". Shared by onboarding (the check-in time) and /remind.
 *
 * @param hour     as written (0 to 24+; checked by {@link #resolve})
 * @param minute   as written
 * @param meridiem 'a' (am), 'p' (pm) or 0
 * @param nextDay  true for "midnight" said with a day: the midnight at the end of that day
 */
public record ClockTime(int hour, int minute, char meridiem, boolean nextDay) {

    /** A clock time resolved against a part of the day: the local time, and whether it falls on the next day. */
    public record Resolved(LocalTime time, boolean nextDay) {
    }

    /** A whole answer that is only a time of day ("7pm", "晚上8点", "21:30", "9"); empty when it is not one. */
    public static Optional<LocalTime> parseWhole(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Cursor c = new Cursor(Cursor.normalise(text));
        PartOfDay before = PartOfDay.chinese(c);
        if (before == null) {
            before = PartOfDay.englishWord(c);
        }
        Optional<ClockTime> clock = parse(c, true);
        if (clock.isEmpty()) {
            return Optional.empty();
        }
        PartOfDay after = PartOfDay.english(c);
        if (!c.atEnd() || (before != null && (after != null || clock.get().hasMeridiem()))) {
            return Optional.empty();
        }
        // the day does not matter for a time of day: "midnight" is 00:00
        return clock.get().resolve(before != null ? before : after).map(Resolved::time);
    }

    /**
     * Reads a clock time at the cursor (restoring it when there is none). A bare number ("at 7", "9") counts only
     * when {@code bare} allows it: in running text a lone number is more often a count than an hour.
     */
    public static Optional<ClockTime> parse(Cursor c, boolean bare) {
        int start = c.pos();
        String word = c.oneOf("noon", "midday", "midnight", "半夜12点", "午夜");
        if (word != null) {
            return Optional.of(word.equals("noon") || word.equals("midday") ? new ClockTime(12, 0, (char) 0, false)
                    : new ClockTime(0, 0, (char) 0, true));
        }
        Optional<ClockTime> english = pastOrTo(c);
        if (english.isPresent()) {
            return english;
        }
        Integer hour = c.digits(2);
        boolean chineseHour = false;
        if (hour == null) {
            hour = c.chineseNumber();
            chineseHour = hour != null;
        }
        if (hour == null) {
            c.reset(start);
            return Optional.empty();
        }
        // 9点, 9点半, 9点30, 9点30分, 8点一刻, 21时
        if (c.oneOf("点钟", "点", "點", "时", "時") != null) {
            int minute = 0;
            if (c.lit("半")) {
                minute = 30;
            } else if (c.lit("一刻")) {
                minute = 15;
            } else if (c.lit("三刻")) {
                minute = 45;
            } else {
                int p = c.pos();
                c.lit("过");
                Integer m = c.digits(2);
                if (m == null) {
                    m = c.chineseNumber();
                }
                if (m != null) {
                    minute = m;
                    c.oneOf("分钟", "分");
                } else {
                    c.reset(p);
                }
            }
            return Optional.of(new ClockTime(hour, minute, (char) 0, false));
        }
        if (chineseHour) {
            c.reset(start);
            return Optional.empty();
        }
        // 19:00, 7.30pm, 7pm, 7 pm, 7 o'clock, 7h
        int minute = 0;
        boolean separated = false;
        int p = c.pos();
        if (c.pos() < c.text().length() && ":.h".indexOf(c.text().charAt(c.pos())) >= 0) {
            char sep = c.text().charAt(c.pos());
            c.reset(c.pos() + 1);
            Integer m = c.pos() < c.text().length() && Character.isDigit(c.text().charAt(c.pos())) ? c.digits(2) : null;
            if (m != null) {
                minute = m;
                separated = true;
            } else {
                c.reset(p);
            }
        }
        String meridiem = c.oneOf("am", "pm", "a.m.", "p.m.", "a.m", "p.m");
        if (meridiem == null && !separated) {
            if (c.oneOf("o'clock", "oclock", "o’clock") == null && !bare) {
                c.reset(start);
                return Optional.empty();
            }
        }
        return Optional.of(new ClockTime(hour, minute, meridiem == null ? (char) 0 : meridiem.charAt(0), false));
    }

    /** "half past 6", "quarter past 7", "quarter to 8". */
    private static Optional<ClockTime> pastOrTo(Cursor c) {
        int start = c.pos();
        String what = c.oneOf("half past", "quarter past", "a quarter past", "quarter to", "a quarter to");
        if (what == null) {
            return Optional.empty();
        }
        Integer h = c.number(true);
        if (h == null) {
            c.reset(start);
            return Optional.empty();
        }
        String meridiem = c.oneOf("am", "pm", "a.m.", "p.m.");
        char m = meridiem == null ? 0 : meridiem.charAt(0);
        if (what.endsWith("to")) {
            return Optional.of(new ClockTime(h == 0 ? 23 : h - 1, 45, m, false));
        }
        return Optional.of(new ClockTime(h, what.startsWith("half") ? 30 : 15, m, false));
    }

    /**
     * The local time meant, given the part of the day said with it: 晚上8点 and "8 in the evening" are 20:00,
     * 中午1点 13:00, 凌晨12点 00:00, 晚上12点 the midnight that ends the day. Empty for no time of day (25:00, 13pm).
     */
    public Optional<Resolved> resolve(PartOfDay part) {
        int h = hour;
        boolean next = nextDay;
        if (minute > 59 || h > 23) {
            return Optional.empty();
        }
        if (meridiem != 0) {
            if (h < 1 || h > 12) {
                return Optional.empty();
            }
            h = meridiem == 'p' ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
        } else if ((part == PartOfDay.EARLY || part == PartOfDay.MORNING) && h > 12) {
            return Optional.empty();
        } else if (part != null && h <= 12) {
            switch (part) {
                case EARLY -> h = h == 12 ? 0 : h;
                case NOON -> h = h < 11 ? h + 12 : h;
                case AFTERNOON, DUSK -> h = h < 12 ? h + 12 : h;
                case EVENING -> {
                    if (h == 12) {
                        h = 0;
                        next = true;
                    } else if (h >= 1) {
                        h += 12;
                    }
                }
                default -> { }
            }
        }
        return Optional.of(new Resolved(LocalTime.of(h, minute), next));
    }

    /** True when the hour was given as a 12-hour clock or with a part of the day, i.e. not a bare "7". */
    public boolean hasMeridiem() {
        return meridiem != 0;
    }
}

package studybuddy.when;

import java.time.LocalTime;

/**
 * A part of the day said in words ("tonight", "tomorrow morning", "晚上", "下午"): it tells a clock hour's half of
 * the day (晚上7点 is 19:00) and, said alone, stands for a usual time.
 */
public enum PartOfDay {
    EARLY(LocalTime.of(6, 0)),
    MORNING(LocalTime.of(9, 0)),
    NOON(LocalTime.of(12, 0)),
    AFTERNOON(LocalTime.of(15, 0)),
    DUSK(LocalTime.of(18, 0)),
    EVENING(LocalTime.of(20, 0));

    private final LocalTime usual;

    PartOfDay(LocalTime usual) {
        this.usual = usual;
    }

    /** The time meant when only the part of the day is said ("tonight": 20:00, "早上": 09:00). */
    public LocalTime usual() {
        return usual;
    }

    /** English words and phrases for a part of the day that may stand before or after a clock time. */
    static PartOfDay english(Cursor c) {
        String w = c.oneOf("in the morning", "in the afternoon", "in the evening", "at night", "at noon");
        if (w == null) {
            return null;
        }
        return switch (w) {
            case "in the morning" -> MORNING;
            case "in the afternoon" -> AFTERNOON;
            case "at noon" -> NOON;
            default -> EVENING;
        };
    }

    /** A bare English word for a part of the day ("morning", "evening"), said before any clock time. */
    static PartOfDay englishWord(Cursor c) {
        String w = c.oneOf("morning", "afternoon", "evening", "night");
        if (w == null) {
            return null;
        }
        return switch (w) {
            case "morning" -> MORNING;
            case "afternoon" -> AFTERNOON;
            default -> EVENING;
        };
    }

    /** Chinese parts of the day: 凌晨, 早上, 上午, 中午, 下午, 傍晚, 晚上, 夜里 and their variants. */
    public static PartOfDay chinese(Cursor c) {
        String w = c.oneOf("凌晨", "清晨", "早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "夜间", "晚间",
                "夜晚");
        if (w == null) {
            return null;
        }
        return switch (w) {
            case "凌晨", "清晨" -> EARLY;
            case "早上", "早晨", "上午" -> MORNING;
            case "中午" -> NOON;
            case "下午" -> AFTERNOON;
            case "傍晚" -> DUSK;
            default -> EVENING;
        };
    }
}

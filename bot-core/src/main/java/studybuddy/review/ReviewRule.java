package studybuddy.review;

/**
 * The spacing rule, a small SM-2-like one. A finished unit is first reviewed after 2 days. Each correct answer
 * stretches the interval along a fixed ladder of 7, 21 and 60 days, then multiplies it by the item's ease (2.5 at
 * first, +0.1 per correct answer up to 3.0), at most {@value #MAX_DAYS} days. A wrong answer shortens it: the
 * streak restarts, the item comes back the next day, and the ease drops by 0.2 (not below 1.3), so a unit that
 * keeps slipping climbs more slowly once past the ladder.
 */
public final class ReviewRule {
    static final int[] LADDER = {2, 7, 21, 60};
    static final int MAX_DAYS = 365;
    static final double START_EASE = 2.5;
    static final double MIN_EASE = 1.3;
    static final double MAX_EASE = 3.0;
    static final int AFTER_WRONG_DAYS = 1;

    /** An item's spacing state after an answer. */
    public record State(int intervalDays, int streak, double ease) {
    }

    private ReviewRule() {
    }

    /** The state of a unit just marked done. */
    public static State first() {
        return new State(LADDER[0], 0, START_EASE);
    }

    public static State after(State s, boolean correct) {
        if (!correct) {
            return new State(AFTER_WRONG_DAYS, 0, Math.max(MIN_EASE, round(s.ease() - 0.2)));
        }
        int streak = s.streak() + 1;
        double ease = Math.min(MAX_EASE, round(s.ease() + 0.1));
        int interval = streak < LADDER.length ? LADDER[streak]
                : (int) Math.min(MAX_DAYS, Math.round(Math.max(s.intervalDays(), LADDER[LADDER.length - 1]) * s.ease()));
        return new State(interval, streak, ease);
    }

    private static double round(double ease) {
        return Math.round(ease * 100) / 100.0;
    }
}

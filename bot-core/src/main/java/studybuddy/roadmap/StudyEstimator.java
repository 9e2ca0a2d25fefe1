package studybuddy.roadmap;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;

/**
 * The one estimate of study time that /progress, the Q&A and onboarding show.
 *
 * <p>Hours ahead = the coursework of the units still to do (their nominal hours) plus practice and projects beyond
 * the courses. How much practice each starting point needs is calibrated once from the article's own figure for
 * it (about 18 months full time from scratch, about six months after work for a developer, a few months for a
 * data scientist): the whole route's coursework plus practice, at the figure's weekly hours, lasts the figure's
 * months. The finish date is exactly the hours shown divided by the weekly hours.
 */
public final class StudyEstimator {
    /** Average weeks in a month (365.25 / 12 / 7). */
    public static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;
    /** Practice is never nothing: revising, exercises and small experiments add at least this share. */
    static final double MIN_PRACTICE_SHARE = 0.1;

    private static final Messages MSG = new Messages("estimate");

    private final Roadmap roadmap;
    private final Map<Background, Double> practiceShare = new EnumMap<>(Background.class);

    /**
     * One estimate.
     *
     * @param background      whose calibration was used
     * @param courseworkHours nominal hours of the units still ahead
     * @param practiceHours   practice and projects on top of them
     * @param weeklyHours     the weekly study time the dates assume
     * @param articleFigure   the article's figure behind the calibration (empty when it gives none)
     */
    public record Estimate(Background background, int courseworkHours, int practiceHours, int weeklyHours,
                           Optional<TimeEstimate> articleFigure) {
        public Estimate {
            if (weeklyHours <= 0) {
                throw new IllegalArgumentException("weekly hours must be positive: " + weeklyHours);
            }
        }

        public int totalHours() {
            return courseworkHours + practiceHours;
        }

        /** Days until the end: total hours at the weekly hours, rounded up to a whole day. */
        public long days() {
            return (long) Math.ceil(totalHours() * 7.0 / weeklyHours);
        }

        /** Weeks until the end, rounded up. */
        public long weeks() {
            return (long) Math.ceil(totalHours() / (double) weeklyHours);
        }

        public double months() {
            return totalHours() / (double) weeklyHours / WEEKS_PER_MONTH;
        }

        public LocalDate finish(LocalDate today) {
            return today.plusDays(days());
        }
    }

    public StudyEstimator(Roadmap roadmap) {
        this.roadmap = roadmap;
        Optional<Double> scratch = calibrated(Background.SCRATCH);
        for (Background b : Background.values()) {
            // Where the article gives no figure (quantitative students), practice is sized as from scratch: it is
            // the only figure that covers the whole route including learning to program.
            practiceShare.put(b, calibrated(b).or(() -> scratch).orElse(MIN_PRACTICE_SHARE));
        }
    }

    private Optional<Double> calibrated(Background b) {
        int coursework = courseworkOfWholeRoute(b, LearningPath.SOFTWARE);
        return roadmap.estimate(b).filter(e -> coursework > 0)
                .map(e -> Math.max(MIN_PRACTICE_SHARE, articleHours(e) / coursework - 1));
    }

    /** The total hours an article figure amounts to: its months at its weekly hours. */
    public static double articleHours(TimeEstimate e) {
        return e.months() * WEEKS_PER_MONTH * e.hoursPerWeek();
    }

    /** Nominal hours of every unit a learner with this background has to study on this path. */
    public int courseworkOfWholeRoute(Background b, LearningPath path) {
        return roadmap.routeFor(b, path).steps().stream()
                .filter(s -> !s.known() && !s.unit().optional())
                .mapToInt(s -> s.unit().hours()).sum();
    }

    /** The whole route for a background and path, as for someone who has not started yet. */
    public Estimate wholeRoute(Background b, LearningPath path, int weeklyHours) {
        return remaining(b, courseworkOfWholeRoute(b, path), weeklyHours);
    }

    /** What is left when {@code courseworkHoursAhead} nominal hours of units are still to do. */
    public Estimate remaining(Background b, int courseworkHoursAhead, int weeklyHours) {
        int practice = (int) Math.round(courseworkHoursAhead * practiceShare.get(b));
        return new Estimate(b, courseworkHoursAhead, practice, weeklyHours, roadmap.estimate(b));
    }

    /** Study time already put in, in the same units: coursework done plus its share of practice. */
    public double studied(Background b, int courseworkHoursDone) {
        return courseworkHoursDone * (1 + practiceShare.get(b));
    }

    /** The estimate in words: hours ahead and where they come from, then the finish date they give. */
    public static String describe(Lang lang, Estimate e, LocalDate today) {
        String who = MSG.get(lang, "estimate.background." + e.background().id());
        String source = e.articleFigure()
                .map(f -> MSG.get(lang, "estimate.source", who, months(f.months()), f.hoursPerWeek()))
                .orElseGet(() -> MSG.get(lang, "estimate.source.none", who));
        String finish = e.finish(today).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(lang.locale()));
        return MSG.get(lang, "estimate.ahead", e.totalHours(), e.courseworkHours(), e.practiceHours(), source)
                + "\n" + MSG.get(lang, "estimate.finish", e.weeklyHours(), e.weeks(), months(e.months()), finish);
    }

    /** Months rounded to a half (at least half a month), as text without a needless ".0". */
    static String months(double months) {
        double rounded = Math.max(0.5, Math.round(months * 2) / 2.0);
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}

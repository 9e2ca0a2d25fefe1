package studybuddy.roadmap;

/**
 * The seed's estimate of how long the route takes from one starting point.
 *
 * @param background   the starting point
 * @param months       the seed's figure (e.g. 18 from scratch, 6 for developers)
 * @param hoursPerWeek the weekly effort that figure assumes (full time ≈ 40, after work ≈ 10)
 * @param note         the seed's advice for that starting point
 */
public record TimeEstimate(Background background, double months, int hoursPerWeek, LocalizedText note) {
    /** Total study hours the seed's figure amounts to. */
    public double totalHours() {
        return months * (365.25 / 12 / 7) * hoursPerWeek;
    }
}

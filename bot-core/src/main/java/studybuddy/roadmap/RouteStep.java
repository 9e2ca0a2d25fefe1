package studybuddy.roadmap;

/** A unit on a learner's route, marked known when their background already covers it. */
public record RouteStep(Unit unit, boolean known) {
}

package studybuddy.roadmap;

import java.util.List;

/** A learner's route: every unit of the roadmap in the order of their path, known ones marked. */
public record Route(Background background, LearningPath path, List<RouteStep> steps) {
    public Route {
        steps = List.copyOf(steps);
    }
}

package studybuddy.roadmap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The seed's roadmap: stages and units, what each background already knows, the order of each path,
 * and the seed's time estimates. Loaded and validated by {@link RoadmapLoader}.
 *
 * @param stages     all stages, in the article's order
 * @param pathOrders for each path, the stage ids in study order
 * @param known      for each background, ids of units it already covers
 * @param estimates  the seed's time estimates by background (absent where the seed gives none)
 */
public record Roadmap(List<Stage> stages, Map<LearningPath, List<String>> pathOrders,
                      Map<Background, Set<String>> known, Map<Background, TimeEstimate> estimates) {

    public Optional<Unit> unit(String id) {
        return stages.stream().flatMap(s -> s.units().stream()).filter(u -> u.id().equals(id)).findFirst();
    }

    public Optional<Stage> stage(String id) {
        return stages.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<Unit> units() {
        return stages.stream().flatMap(s -> s.units().stream()).toList();
    }

    public Optional<TimeEstimate> estimate(Background background) {
        return Optional.ofNullable(estimates.get(background));
    }

    /** The route for a background and path: stages in the path's order, known units marked. */
    public Route routeFor(Background background, LearningPath path) {
        Set<String> knownIds = known.getOrDefault(background, Set.of());
        List<RouteStep> steps = pathOrders.get(path).stream()
                .map(id -> stage(id).orElseThrow())
                .flatMap(s -> s.units().stream())
                .map(u -> new RouteStep(u, knownIds.contains(u.id())))
                .toList();
        return new Route(background, path, steps);
    }
}

package studybuddy.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studybuddy.roadmap.Route;
import studybuddy.roadmap.RouteStep;
import studybuddy.roadmap.Unit;

/** A learner's route with the status of every unit: what /next, /roadmap, /progress and weekly goals read. */
public record LearnerRoute(Route route, List<Entry> entries) {
    public record Entry(Unit unit, UnitStatus status) {
        public boolean counts() {
            return !unit.optional();
        }
    }

    public LearnerRoute {
        entries = List.copyOf(entries);
    }

    /** A route with each unit's status: marked done or skipped, known from the background, or still open. */
    public static LearnerRoute of(Route route, Map<String, Mark.Status> marks) {
        List<Entry> entries = new ArrayList<>(route.steps().size());
        for (RouteStep step : route.steps()) {
            Mark.Status mark = marks.get(step.unit().id());
            UnitStatus status = mark != null ? (mark == Mark.Status.DONE ? UnitStatus.DONE : UnitStatus.SKIPPED)
                    : step.known() ? UnitStatus.KNOWN : UnitStatus.OPEN;
            entries.add(new Entry(step.unit(), status));
        }
        return new LearnerRoute(route, entries);
    }

    /** The first unit still to do, optional ones aside. */
    public Optional<Unit> current() {
        return todo().stream().findFirst();
    }

    /** Units still to do, in route order, optional ones aside. */
    public List<Unit> todo() {
        return entries.stream().filter(e -> e.counts() && e.status() == UnitStatus.OPEN).map(Entry::unit).toList();
    }

    public Optional<Entry> entry(String unitId) {
        return entries.stream().filter(e -> e.unit().id().equals(unitId)).findFirst();
    }
}

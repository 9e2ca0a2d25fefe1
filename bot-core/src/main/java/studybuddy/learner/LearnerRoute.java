package studybuddy.learner;

import java.util.List;
import java.util.Optional;
import studybuddy.roadmap.Route;
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

    /** The first unit still to do, optional ones aside. */
    public Optional<Unit> current() {
        return todo().stream().findFirst();
    }

    /** Units still to do, in route order, optional ones aside. */
    public List<Unit> todo() {
        return entries.stream().filter(e -> e.counts() && e.status() == UnitStatus.TODO).map(Entry::unit).toList();
    }

    public Optional<Entry> entry(String unitId) {
        return entries.stream().filter(e -> e.unit().id().equals(unitId)).findFirst();
    }
}

package studybuddy.roadmap;

import java.util.List;

/** One stage of the route (programming basics, classic ML + maths, …), its units in study order. */
public record Stage(String id, LocalizedText title, LocalizedText summary, List<Unit> units) {
    public Stage {
        units = List.copyOf(units == null ? List.of() : units);
    }
}

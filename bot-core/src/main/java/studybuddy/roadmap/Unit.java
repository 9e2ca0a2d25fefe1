package studybuddy.roadmap;

import java.util.List;

/**
 * A week-sized or smaller piece of the route ("CS50 weeks 0–3", "Machine Learning Specialization, course 1").
 *
 * @param id            stable id used in commands, buttons and the database (e.g. "ml-spec-1")
 * @param stageId       the stage it belongs to
 * @param title         what to do
 * @param resource      the resource's own name (course, book)
 * @param url           where to find it
 * @param hours         estimated hours of study
 * @param why           the seed's reason for it
 * @param prerequisites ids of units to finish (or know) first
 * @param optional      an alternative or extra: shown, but not planned by default nor counted in progress
 */
public record Unit(String id, String stageId, LocalizedText title, LocalizedText resource, String url, int hours,
                   LocalizedText why, List<String> prerequisites, boolean optional) {
    public Unit {
        prerequisites = List.copyOf(prerequisites == null ? List.of() : prerequisites);
    }
}

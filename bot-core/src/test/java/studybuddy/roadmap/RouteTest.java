package studybuddy.roadmap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTest {

    private static Roadmap roadmap;

    @BeforeAll
    static void loadRoadmap() {
        roadmap = RoadmapLoader.loadDefault();
    }

    @Test
    void givenDeveloperOnSoftwarePath_whenRouteFor_thenFirstTodoIsMlSpec1() {
        // GIVEN / WHEN
        Route route = roadmap.routeFor(Background.DEVELOPER, LearningPath.SOFTWARE);

        // THEN programming and software engineering are already behind a developer
        assertThat(firstTodo(route)).isEqualTo("ml-spec-1");
    }

    @Test
    void givenScratchOnSoftwarePath_whenRouteFor_thenFirstTodoIsCs50Part1() {
        // GIVEN / WHEN
        Route route = roadmap.routeFor(Background.SCRATCH, LearningPath.SOFTWARE);

        // THEN
        assertThat(firstTodo(route)).isEqualTo("cs50-1");
        assertThat(route.steps()).noneMatch(RouteStep::known);
    }

    @Test
    void givenDataScientistOnSoftwarePath_whenRouteFor_thenFirstTodoIsFso1() {
        // GIVEN / WHEN
        Route route = roadmap.routeFor(Background.DATA_SCIENTIST, LearningPath.SOFTWARE);

        // THEN software engineering comes second on this path and is what a data scientist lacks
        assertThat(firstTodo(route)).isEqualTo("fso-1");
    }

    @Test
    void givenDataScientistOnDataPath_whenRouteFor_thenFirstTodoIsDlSpec1() {
        // GIVEN / WHEN
        Route route = roadmap.routeFor(Background.DATA_SCIENTIST, LearningPath.DATA);

        // THEN
        assertThat(firstTodo(route)).isEqualTo("dl-spec-1");
    }

    @Test
    void givenQuantStudent_whenRouteFor_thenOnlyTheThreeMathsUnitsAreKnown() {
        // GIVEN / WHEN
        Route route = roadmap.routeFor(Background.QUANT_STUDENT, LearningPath.DATA);

        // THEN
        assertThat(route.steps()).filteredOn(RouteStep::known).extracting(s -> s.unit().id())
                .containsExactlyInAnyOrder("math-linear-algebra", "math-calculus", "math-probability");
        assertThat(firstTodo(route)).isEqualTo("cs50-1");
    }

    @Test
    void givenDeveloper_whenRouteFor_thenKnownMarksExactlyProgrammingAndSoftwareEngineering() {
        // GIVEN / WHEN
        Route route = roadmap.routeFor(Background.DEVELOPER, LearningPath.DATA);

        // THEN
        assertThat(route.steps()).allSatisfy(step -> assertThat(step.known())
                .as("known mark of %s", step.unit().id())
                .isEqualTo(Set.of("programming", "software-engineering").contains(step.unit().stageId())));
    }

    @Test
    void givenAnyBackgroundAndPath_whenRouteFor_thenEveryUnitOnceInPathStageOrder() {
        for (Background background : Background.values()) {
            for (LearningPath path : LearningPath.values()) {
                // GIVEN / WHEN
                Route route = roadmap.routeFor(background, path);

                // THEN
                assertThat(route.steps()).hasSameSizeAs(roadmap.units());
                assertThat(route.steps().stream().map(s -> s.unit().stageId()).distinct().toList())
                        .containsExactlyElementsOf(roadmap.pathOrders().get(path));
            }
        }
    }

    private static String firstTodo(Route route) {
        return route.steps().stream()
                .filter(s -> !s.known() && !s.unit().optional())
                .map(s -> s.unit().id())
                .findFirst()
                .orElseThrow();
    }
}

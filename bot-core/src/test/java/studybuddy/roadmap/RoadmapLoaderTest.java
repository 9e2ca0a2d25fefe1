package studybuddy.roadmap;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoadmapLoaderTest {

    /** Smallest roadmap that passes validation; each error test breaks exactly one thing in it. */
    private static final String VALID = """
            {
              "stages": [
                {"id": "s1", "title": {"en": "S1", "zh": "阶段一"}, "summary": {"en": "first", "zh": "第一"},
                 "units": [
                   {"id": "a", "title": {"en": "A", "zh": "甲"}, "resource": {"en": "R", "zh": "资源"},
                    "url": "https://example.org/a", "hours": 5, "why": {"en": "because", "zh": "因为"},
                    "prerequisites": [], "optional": false},
                   {"id": "b", "title": {"en": "B", "zh": "乙"}, "resource": {"en": "R", "zh": "资源"},
                    "url": "https://example.org/b", "hours": 7, "why": {"en": "because", "zh": "因为B"},
                    "prerequisites": ["a"], "optional": false}
                 ]},
                {"id": "s2", "title": {"en": "S2", "zh": "阶段二"}, "summary": {"en": "second", "zh": "第二"},
                 "units": [
                   {"id": "c", "title": {"en": "C", "zh": "丙"}, "resource": {"en": "R", "zh": "资源"},
                    "url": "https://example.org/c", "hours": 3, "why": {"en": "because", "zh": "因为"},
                    "prerequisites": ["b"], "optional": true}
                 ]}
              ],
              "pathOrders": {"software": ["s1", "s2"], "data": ["s1", "s2"]},
              "known": {"scratch": [], "developer": ["a"]},
              "estimates": {"scratch": {"months": 18, "hoursPerWeek": 40, "note": {"en": "long", "zh": "很久"}}}
            }
            """;

    @Test
    void givenBundledRoadmap_whenLoadDefault_thenSevenStagesInArticleOrder() {
        // GIVEN / WHEN the roadmap shipped with the bot
        Roadmap roadmap = RoadmapLoader.loadDefault();

        // THEN its stages follow the seed article
        assertThat(roadmap.stages()).extracting(Stage::id).containsExactly(
                "programming", "classic-ml", "deep-learning", "domain", "software-engineering", "mlops", "job-search");
    }

    @Test
    void givenBundledRoadmap_whenLoadDefault_thenUnitIdsAreExactlyTheOnesOtherCodeReferences() {
        // GIVEN / WHEN
        Roadmap roadmap = RoadmapLoader.loadDefault();

        // THEN the ids the Q&A knowledge base and commands rely on are present, in study order
        assertThat(roadmap.units()).extracting(Unit::id).containsExactly(
                "cs50-1", "cs50-2", "cs50-3", "python-mooc-1", "python-mooc-2", "dead-simple-python",
                "ml-spec-1", "math-linear-algebra", "ml-spec-2", "math-calculus", "math-probability", "ml-spec-3",
                "math-numerics-optimization",
                "dl-spec-1", "dl-spec-2", "dl-spec-3", "fastai", "nyu-dl", "math-for-ml",
                "hf-courses", "project-1", "share-learning", "project-2",
                "fso-1", "fso-2",
                "fsdl",
                "job-portfolio", "job-book", "job-apply");
        assertThat(roadmap.units()).filteredOn(Unit::optional).extracting(Unit::id)
                .containsExactly("math-numerics-optimization", "fastai", "nyu-dl", "math-for-ml");
    }

    @Test
    void givenBundledRoadmap_whenLoadDefault_thenEveryTextIsBilingualAndEveryLinkHttps() {
        // GIVEN / WHEN
        Roadmap roadmap = RoadmapLoader.loadDefault();

        // THEN
        assertThat(roadmap.stages()).allSatisfy(s -> {
            assertThat(s.title().complete()).as("title of %s", s.id()).isTrue();
            assertThat(s.summary().complete()).as("summary of %s", s.id()).isTrue();
        });
        assertThat(roadmap.units()).allSatisfy(u -> {
            assertThat(List.of(u.title(), u.resource(), u.why()))
                    .as("texts of %s", u.id()).allMatch(LocalizedText::complete);
            assertThat(u.url()).as("url of %s", u.id()).startsWith("https://");
            assertThat(u.hours()).as("hours of %s", u.id()).isPositive();
        });
    }

    @Test
    void givenBundledRoadmap_whenLoadDefault_thenSeedEstimatesAndNoneForQuantStudents() {
        // GIVEN / WHEN
        Roadmap roadmap = RoadmapLoader.loadDefault();

        // THEN the seed's figures; it gives none for quantitative students
        assertThat(roadmap.estimate(Background.SCRATCH)).hasValueSatisfying(e -> {
            assertThat(e.months()).isEqualTo(18);
            assertThat(e.hoursPerWeek()).isEqualTo(40);
        });
        assertThat(roadmap.estimate(Background.DEVELOPER)).hasValueSatisfying(e -> {
            assertThat(e.months()).isEqualTo(6);
            assertThat(e.hoursPerWeek()).isEqualTo(20);
        });
        assertThat(roadmap.estimate(Background.DATA_SCIENTIST)).isPresent();
        assertThat(roadmap.estimate(Background.QUANT_STUDENT)).isEmpty();
    }

    @Test
    void givenMinimalValidJson_whenLoad_thenUnitsCarryTheirStageAndKnownIsRead() {
        // GIVEN / WHEN
        Roadmap roadmap = load(VALID);

        // THEN
        assertThat(roadmap.unit("c")).hasValueSatisfying(u -> {
            assertThat(u.stageId()).isEqualTo("s2");
            assertThat(u.prerequisites()).containsExactly("b");
            assertThat(u.optional()).isTrue();
        });
        assertThat(roadmap.known().get(Background.DEVELOPER)).containsExactly("a");
    }

    @Test
    void givenDuplicateUnitId_whenLoad_thenMessageNamesTheUnit() {
        // GIVEN unit c renamed to a, which s1 already has
        String json = change(VALID, "{\"id\": \"c\"", "{\"id\": \"a\"");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("duplicate").hasMessageContaining("'a'");
    }

    @Test
    void givenDuplicateStageId_whenLoad_thenMessageNamesTheStage() {
        // GIVEN
        String json = change(VALID, "{\"id\": \"s2\"", "{\"id\": \"s1\"");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("duplicate").hasMessageContaining("'s1'");
    }

    @Test
    void givenUnknownPrerequisite_whenLoad_thenMessageNamesUnitAndPrerequisite() {
        // GIVEN
        String json = change(VALID, "\"prerequisites\": [\"b\"]", "\"prerequisites\": [\"ghost\"]");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("'c'").hasMessageContaining("ghost");
    }

    @Test
    void givenPrerequisiteCycle_whenLoad_thenMessageNamesTheCycle() {
        // GIVEN a needs c, c needs b, b needs a
        String json = change(VALID, "\"prerequisites\": [], \"optional\": false}",
                "\"prerequisites\": [\"c\"], \"optional\": false}");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("cycle").hasMessageContaining("'a'").hasMessageContaining("a -> c -> b -> a");
    }

    @Test
    void givenSelfPrerequisite_whenLoad_thenMessageNamesTheUnit() {
        // GIVEN
        String json = change(VALID, "\"prerequisites\": [\"b\"]", "\"prerequisites\": [\"c\"]");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("cycle").hasMessageContaining("'c'");
    }

    @Test
    void givenBlankChineseTranslation_whenLoad_thenMessageNamesUnitFieldAndLanguage() {
        // GIVEN b's reason lacks its Chinese text
        String json = change(VALID, "\"zh\": \"因为B\"", "\"zh\": \" \"");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("'b'").hasMessageContaining("zh").hasMessageContaining("why");
    }

    @Test
    void givenMissingEnglishStageTitle_whenLoad_thenMessageNamesTheStage() {
        // GIVEN
        String json = change(VALID, "\"title\": {\"en\": \"S2\", \"zh\": \"阶段二\"}", "\"title\": {\"zh\": \"阶段二\"}");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("'s2'").hasMessageContaining("en").hasMessageContaining("title");
    }

    @Test
    void givenPrerequisiteAfterUnitInDataPath_whenLoad_thenMessageNamesUnitAndPath() {
        // GIVEN the data path puts s2 (with c) before s1 (with c's prerequisite b)
        String json = change(VALID, "\"data\": [\"s1\", \"s2\"]", "\"data\": [\"s2\", \"s1\"]");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("'c'").hasMessageContaining("'b'").hasMessageContaining("data");
    }

    @Test
    void givenNonPositiveHours_whenLoad_thenMessageNamesTheUnit() {
        // GIVEN
        String json = change(VALID, "\"hours\": 7", "\"hours\": 0");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("'b'").hasMessageContaining("hours");
    }

    @Test
    void givenUnknownStageInPathOrder_whenLoad_thenMessageNamesStageAndPath() {
        // GIVEN
        String json = change(VALID, "\"software\": [\"s1\", \"s2\"]", "\"software\": [\"s1\", \"s2\", \"s9\"]");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("'s9'").hasMessageContaining("software");
    }

    @Test
    void givenPathMissingAStage_whenLoad_thenMessageNamesTheMissingStage() {
        // GIVEN
        String json = change(VALID, "\"data\": [\"s1\", \"s2\"]", "\"data\": [\"s1\"]");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("missing").hasMessageContaining("'s2'").hasMessageContaining("data");
    }

    @Test
    void givenPathWithoutOrder_whenLoad_thenMessageNamesThePath() {
        // GIVEN
        String json = change(VALID, ", \"data\": [\"s1\", \"s2\"]", "");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("'data'");
    }

    @Test
    void givenUnknownUnitInKnown_whenLoad_thenMessageNamesUnitAndBackground() {
        // GIVEN
        String json = change(VALID, "\"developer\": [\"a\"]", "\"developer\": [\"a\", \"ghost\"]");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("'ghost'").hasMessageContaining("developer");
    }

    @Test
    void givenMisspeltField_whenLoad_thenRejectedRatherThanSilentlyDropped() {
        // GIVEN "prerequisite" instead of "prerequisites" would otherwise lose the edge b -> a
        String json = change(VALID, "\"prerequisites\": [\"a\"]", "\"prerequisite\": [\"a\"]");

        // WHEN / THEN
        assertThatThrownBy(() -> load(json)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("prerequisite");
    }

    private static Roadmap load(String json) {
        return RoadmapLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Replaces one fragment, failing loudly if it is absent so a test can never pass on unchanged JSON. */
    private static String change(String json, String from, String to) {
        assertThat(json).as("fixture fragment").contains(from);
        return json.replace(from, to);
    }
}

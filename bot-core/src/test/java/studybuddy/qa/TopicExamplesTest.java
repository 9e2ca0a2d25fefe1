package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import studybuddy.i18n.Lang;

class TopicExamplesTest {

    @Test
    void givenBundledExamples_whenRead_thenEveryTopicExistsAndNoQuestionOfTheMeasuringSetsIsAnExample() throws IOException {
        // GIVEN the examples and every question of the blind sets kept out of them, which measure the answers
        KnowledgeBase knowledge = KnowledgeBase.load();
        Set<String> measuring = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/qa"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("qa-informal"))
                    .filter(p -> TopicExamplesGenerator.INFORMAL_SOURCES.stream()
                            .noneMatch(s -> s.endsWith(p.getFileName().toString())))
                    .toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        measuring.add(json.readTree(line).get("question").asText().strip());
                    }
                }
            }
        }
        assertThat(measuring).hasSizeGreaterThanOrEqualTo(110);
        // THEN the examples never hold a question those sets ask, so their scores stay a measure
        int examples = 0;
        for (Lang lang : Lang.values()) {
            for (String topic : TopicExamples.BUNDLED.topics(lang)) {
                assertThat(knowledge.entry(topic)).as("topic %s", topic).isPresent();
                for (String q : TopicExamples.BUNDLED.of(topic, lang)) {
                    assertThat(measuring).as("example of %s", topic).doesNotContain(q);
                    examples++;
                }
            }
        }
        assertThat(examples).isGreaterThan(600);
        assertThat(TopicExamplesGenerator.SOURCES).noneMatch(s -> s.contains("informal"));
        // the blind sets from holdout11 on stay a measure
        assertThat(TopicExamplesGenerator.INFORMAL_SOURCES).noneMatch(s -> s.matches(".*holdout(1[1-9]|[2-9][0-9]).*"));
    }
}

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
    void givenBundledExamples_whenRead_thenEveryTopicExistsAndNoInformalQuestionIsAnExample() throws IOException {
        // GIVEN the examples and every question of the informal sets, which judge the answers
        KnowledgeBase knowledge = KnowledgeBase.load();
        Set<String> informal = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/qa"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("qa-informal")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        informal.add(json.readTree(line).get("question").asText().strip());
                    }
                }
            }
        }
        assertThat(informal).hasSizeGreaterThan(900);
        // THEN the examples teach the meaning only from other sets, so the informal scores stay a measure
        int examples = 0;
        for (Lang lang : Lang.values()) {
            for (String topic : TopicExamples.BUNDLED.topics(lang)) {
                assertThat(knowledge.entry(topic)).as("topic %s", topic).isPresent();
                for (String q : TopicExamples.BUNDLED.of(topic, lang)) {
                    assertThat(informal).as("example of %s", topic).doesNotContain(q);
                    examples++;
                }
            }
        }
        assertThat(examples).isGreaterThan(300);
        assertThat(TopicExamplesGenerator.SOURCES).noneMatch(s -> s.contains("informal"));
    }
}

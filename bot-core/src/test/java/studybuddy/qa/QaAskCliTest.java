package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QaAskCliTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenJsonlWithBlankAndMalformedLines_whenRun_thenOneJsonLinePerQuestionInOrder() throws Exception {
        // GIVEN
        String input = String.join("\n",
                "{\"question\": \"How do I learn MLOps?\", \"lang\": \"en\"}",
                "",
                "{not json",
                "{\"question\": \"深度学习有哪些课程?\"}",
                "{\"lang\": \"en\"}",
                "{\"question\": \"What's the weather in Oslo?\"}") + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // WHEN
        int code = AskCli.run(new String[] {"--jsonl"}, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // THEN
        assertThat(code).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("confident").asBoolean()).isTrue();
        assertThat(lines.get(0).get("topic").asText()).isEqualTo("mlops");
        assertThat(lines.get(0).get("lang").asText()).isEqualTo("en");
        assertThat(lines.get(0).get("score").isNumber()).isTrue();
        assertThat(lines.get(0).get("answer").asText()).contains("Full Stack Deep Learning");
        assertThat(lines.get(1).has("error")).isTrue();
        assertThat(lines.get(1).get("answer").asText()).isEmpty();
        assertThat(lines.get(1).get("confident").asBoolean()).isFalse();
        assertThat(lines.get(2).get("lang").asText()).isEqualTo("zh");
        assertThat(lines.get(2).get("answer").asText()).contains("fast.ai");
        assertThat(lines.get(3).has("error")).isTrue();
        assertThat(lines.get(4).get("confident").asBoolean()).isFalse();
    }
}

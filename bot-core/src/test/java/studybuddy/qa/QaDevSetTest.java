package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared dev question set through the service with the rule of {@code score_qa.py}: an expected answer
 * must be confident and contain one string of every expect group (case-insensitive); an out-of-scope question
 * must not be answered confidently. The set lives outside the repository, in {@code shared/eval} next to the
 * checkout; {@code -Dqa.dev.file=...} points elsewhere.
 */
class QaDevSetTest {
    private static final double MIN_SHARE = 0.95;

    @Test
    void givenDevQuestionSet_whenAnswered_thenAtLeast95PercentAreRight() throws IOException {
        // GIVEN
        Path file = devSet();
        // WHEN
        List<QaRows.Row> rows = QaRows.answer(Files.readAllLines(file, StandardCharsets.UTF_8));
        List<String> misses = rows.stream().filter(r -> !right(r.json(), r.answer())).map(QaRows.Row::describe).toList();
        int total = rows.size();
        // THEN
        double share = (total - misses.size()) / (double) total;
        assertThat(share).as("right share; misses: %s", misses).isGreaterThanOrEqualTo(MIN_SHARE);
    }

    static boolean right(JsonNode row, Answer answer) {
        if (row.path("out_of_scope").asBoolean(false)) {
            return !answer.confident();
        }
        if (!answer.confident()) {
            return false;
        }
        return holdsEvery(row.get("expect"), answer.text());
    }

    /** Whether the text holds at least one string of every expected group (case-insensitive), as score_qa.py checks. */
    static boolean holdsEvery(JsonNode expect, String text) {
        String low = text.toLowerCase(Locale.ROOT);
        for (JsonNode group : expect) {
            boolean any = false;
            for (JsonNode option : group) {
                any |= low.contains(option.asText().toLowerCase(Locale.ROOT));
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** The system property if set, else {@code shared/eval/qa-dev.jsonl} in the nearest ancestor folder that has one. */
    static Path devSet() {
        String property = System.getProperty("qa.dev.file");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("eval").resolve("qa-dev.jsonl");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("qa-dev.jsonl not found in any ancestor's shared/eval; set -Dqa.dev.file=PATH");
    }
}

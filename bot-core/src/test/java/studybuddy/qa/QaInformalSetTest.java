package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The informal sets (typos, slang, mixed 中英, several questions, the asker's situation; about one in five out of scope),
 * scored with the scorer's rule. Floors just under today's scores, so that a change making them worse is caught:
 * qa-informal.jsonl was tuned on (89.5 %); qa-informal-holdout.jsonl (85.5 % when first scored) and
 * qa-informal-holdout2.jsonl (93.5 % when first scored, after the last design change) were not.
 */
class QaInformalSetTest {

    @Test
    void givenInformalSets_whenAnswered_thenRightSharesHoldAndFewOutOfScopeAnswered() throws IOException {
        assertShare("qa/qa-informal.jsonl", 0.88);
        assertShare("qa/qa-informal-holdout.jsonl", 0.83);
        assertShare("qa/qa-informal-holdout2.jsonl", 0.90);
    }

    private static void assertShare(String set, double minimum) throws IOException {
        // WHEN
        List<QaRows.Row> rows = QaRows.answer(lines(set));
        List<String> misses = rows.stream().filter(r -> !QaDevSetTest.right(r.json(), r.answer()))
                .map(QaRows.Row::describe).toList();
        long outOfScopeAnswered = rows.stream()
                .filter(r -> r.json().path("out_of_scope").asBoolean(false) && r.answer().confident()).count();
        long outOfScope = rows.stream().filter(r -> r.json().path("out_of_scope").asBoolean(false)).count();
        // THEN
        assertThat(rows.size()).isGreaterThanOrEqualTo(60);
        double share = (rows.size() - misses.size()) / (double) rows.size();
        assertThat(share).as("%s right share; misses: %s", set, misses).isGreaterThanOrEqualTo(minimum);
        assertThat(outOfScopeAnswered).as("%s out of scope answered", set).isLessThanOrEqualTo(outOfScope / 7);
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = QaInformalSetTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}

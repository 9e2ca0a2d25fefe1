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
 * qa-informal.jsonl was tuned on (92.4 % with the semantic rescue); qa-informal-holdout.jsonl (85.5 % when first
 * scored, 87.1 % now), qa-informal-holdout2.jsonl (93.5 % when first scored, 96.8 % now) and qa-informal-holdout3.jsonl
 * (84.1 % when first scored, before the semantic rescue; 88.4 % after it, scored once more) were not.
 */
class QaInformalSetTest {

    @Test
    void givenInformalSets_whenAnswered_thenRightSharesHoldAndFewOutOfScopeAnswered() throws IOException {
        assertShare("qa/qa-informal.jsonl", 0.91, 0);
        assertShare("qa/qa-informal-holdout.jsonl", 0.85, 2);
        assertShare("qa/qa-informal-holdout2.jsonl", 0.95, 0);
        // 4 of 14 out of scope answered (fees, "loss is nan", a maths derivation): above the 1 in 16 aimed at, left as
        // measured rather than tuned away on a held-out set
        assertShare("qa/qa-informal-holdout3.jsonl", 0.86, 4);
    }

    private static void assertShare(String set, double minimum, long maxOutOfScopeAnswered) throws IOException {
        // WHEN
        List<QaRows.Row> rows = QaRows.answer(lines(set));
        List<String> misses = rows.stream().filter(r -> !QaDevSetTest.right(r.json(), r.answer()))
                .map(QaRows.Row::describe).toList();
        long outOfScopeAnswered = rows.stream()
                .filter(r -> r.json().path("out_of_scope").asBoolean(false) && r.answer().confident()).count();
        // THEN
        assertThat(rows.size()).isGreaterThanOrEqualTo(60);
        double share = (rows.size() - misses.size()) / (double) rows.size();
        assertThat(share).as("%s right share; misses: %s", set, misses).isGreaterThanOrEqualTo(minimum);
        assertThat(outOfScopeAnswered).as("%s out of scope answered", set).isLessThanOrEqualTo(maxOutOfScopeAnswered);
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = QaInformalSetTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}

package studybuddy.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studybuddy.roadmap.RoadmapLoader;

/** Internal words never reach a learner: no "seed", no unit or entry ids in prose (the article is "the article"). */
class InternalWordsTest {
    private static final Pattern SEED = Pattern.compile("\\bseeds?\\b|\\bseed's\\b", Pattern.CASE_INSENSITIVE);
    /** Fields of the data files that no learner reads. */
    private static final Set<String> INTERNAL_FIELDS = Set.of("comment", "id", "url", "keywords", "phrasings", "units",
            "intents", "prerequisites", "related", "background", "next", "names", "stage", "known", "pathOrders");

    private static JsonNode json(String resource) throws Exception {
        try (InputStream in = InternalWordsTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void givenEveryTextALearnerReads_whenScanned_thenNoSeedAndNoIdsInParenthesesOrDigitIdsInProse() throws Exception {
        // GIVEN every user-facing string: message bundles, the roadmap and the Q&A knowledge
        List<String> texts = new ArrayList<>(TextCatalog.allMessages());
        collect(json("/roadmap/roadmap.json"), "", texts);
        collect(json("/qa/knowledge.json"), "", texts);
        Set<String> ids = new HashSet<>();
        RoadmapLoader.loadDefault().units().forEach(u -> ids.add(u.id()));
        json("/qa/knowledge.json").get("entries").forEach(e -> ids.add(e.get("id").asText()));
        // WHEN / THEN
        List<String> bad = new ArrayList<>();
        for (String t : texts) {
            if (SEED.matcher(t).find()) {
                bad.add("seed: " + t);
            }
            for (String id : ids) {
                boolean digitId = id.matches(".*\\d.*") && Pattern.compile("(?<![\\w./-])" + Pattern.quote(id)
                        + "(?![\\w.-])").matcher(t).find() && !t.contains("/done " + id) && !t.contains("`" + id + "`")
                        // an id shown as what to type ("/done ml-spec-1", "e.g. cs50-1") is an argument, not prose
                        && !t.contains("e.g. " + id) && !t.contains("例如 " + id);
                if (t.contains("(" + id + ")") || t.contains("（" + id + "）") || digitId) {
                    bad.add(id + ": " + t);
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    private static void collect(JsonNode node, String field, List<String> out) {
        boolean plain = node.isTextual() || node.isArray() && node.size() > 0 && node.get(0).isTextual();
        if (INTERNAL_FIELDS.contains(field) && (plain || field.equals("known") || field.equals("pathOrders"))) {
            return; // ids and search terms; an array of objects ("units" of a stage) is read on
        }
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, out));
        }
    }
}

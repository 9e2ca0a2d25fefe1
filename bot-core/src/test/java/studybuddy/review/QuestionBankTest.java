package studybuddy.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.RoadmapLoader;
import studybuddy.roadmap.Unit;

class QuestionBankTest {
    private static final Roadmap ROADMAP = RoadmapLoader.loadDefault();
    private static final Pattern HALF_WIDTH_IN_CHINESE =
            Pattern.compile("[\\u4e00-\\u9fff][,:;()!?]|[,:;()!?][\\u4e00-\\u9fff]");

    private static JsonNode defaultJson() throws Exception {
        try (InputStream in = QuestionBankTest.class.getResourceAsStream(QuestionBank.DEFAULT_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static QuestionBank load(JsonNode json) {
        return QuestionBank.load(new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8)), ROADMAP);
    }

    @Test
    void givenTheBundledBank_whenLoaded_thenEveryUnitHasThreeToFiveQuestionsInBothLanguages() {
        QuestionBank bank = QuestionBank.loadDefault(ROADMAP);
        for (Unit unit : ROADMAP.units()) {
            List<ReviewQuestion> qs = bank.forUnit(unit.id());
            assertThat(qs).as(unit.id()).hasSizeBetween(3, 5);
            for (ReviewQuestion q : qs) {
                assertThat(q.optionsEn()).hasSameSizeAs(q.optionsZh());
                assertThat(q.answer()).isBetween(0, q.optionsEn().size() - 1);
                assertThat(q.question().zh()).as(q.id()).containsPattern("[\\u4e00-\\u9fff]");
                assertThat(q.explanation().zh()).as(q.id()).containsPattern("[\\u4e00-\\u9fff]");
                assertThat(new HashSet<>(q.optionsEn())).hasSameSizeAs(q.optionsEn());
            }
        }
        assertThat(bank.size()).isGreaterThanOrEqualTo(3 * ROADMAP.units().size());
    }

    @Test
    void givenTheBundledBank_whenChineseTextsRead_thenFullWidthPunctuationAndNoInternalWords() throws Exception {
        List<String> bad = new ArrayList<>();
        defaultJson().get("units").forEach(unit -> unit.forEach(q -> {
            List<String> zh = new ArrayList<>(List.of(q.get("q").get("zh").asText(), q.get("why").get("zh").asText()));
            q.get("zh").forEach(o -> zh.add(o.asText()));
            zh.stream().filter(t -> HALF_WIDTH_IN_CHINESE.matcher(t).find()).forEach(bad::add);
            List<String> all = new ArrayList<>(zh);
            all.add(q.get("q").get("en").asText());
            all.add(q.get("why").get("en").asText());
            // internal words never reach a user: the article is "the article" / "the roadmap"
            all.stream().filter(t -> t.toLowerCase().contains("seed")).forEach(bad::add);
        }));
        assertThat(bad).isEmpty();
    }

    @Test
    void givenTheReviewBundles_whenRead_thenChineseUsesFullWidthPunctuationAndArgumentsFill() throws Exception {
        for (String bundle : List.of("review_zh", "review_commands_zh")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/" + bundle + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            p.forEach((k, v) -> assertThat(HALF_WIDTH_IN_CHINESE.matcher(v.toString()).find()).as(k + "=" + v).isFalse());
        }
        Messages msg = new Messages("review");
        for (Lang lang : Lang.values()) {
            assertThat(msg.get(lang, "answer.right", " X.", "Unit", "tomorrow")).doesNotContain("{").doesNotContain("''");
            assertThat(msg.get(lang, "coming", 3)).contains("3");
        }
    }

    @Test
    void givenAUnitWithoutQuestions_whenLoaded_thenItFailsNamingTheUnit() throws Exception {
        ObjectNode json = (ObjectNode) defaultJson();
        ((ObjectNode) json.get("units")).remove("fsdl");
        assertThatThrownBy(() -> load(json)).hasMessageContaining("unit fsdl has 0 questions");
    }

    @Test
    void givenBrokenQuestions_whenLoaded_thenEveryProblemIsReported() throws Exception {
        ObjectNode json = (ObjectNode) defaultJson();
        ArrayNode cs50 = (ArrayNode) json.get("units").get("cs50-1");
        ((ObjectNode) cs50.get(0)).put("answer", 7);
        ((ObjectNode) cs50.get(1).get("q")).put("zh", "");
        ((ArrayNode) cs50.get(2).get("zh")).remove(0);
        ((ObjectNode) json.get("units")).set("no-such-unit", cs50.deepCopy());
        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("cs50-1.a of cs50-1: answer index 7")
                .hasMessageContaining("cs50-1.b of cs50-1: question missing in en or zh")
                .hasMessageContaining("cs50-1.c of cs50-1: options must exist in en and zh")
                .hasMessageContaining("questions for unknown unit no-such-unit");
    }

    @Test
    void givenDuplicateOptionsOrOverlongTexts_whenLoaded_thenRefused() throws Exception {
        ObjectNode json = (ObjectNode) defaultJson();
        ArrayNode ml = (ArrayNode) json.get("units").get("ml-spec-1");
        ArrayNode en = (ArrayNode) ml.get(0).get("en");
        en.set(1, en.get(0).deepCopy());
        ((ObjectNode) ml.get(1).get("why")).put("en", "x".repeat(201));
        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("ml-spec-1.a of ml-spec-1: two options are the same")
                .hasMessageContaining("ml-spec-1.b of ml-spec-1: explanation longer than 200");
    }
}

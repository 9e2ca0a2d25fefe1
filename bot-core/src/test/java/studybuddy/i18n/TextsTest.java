package studybuddy.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;

/** What users read: no raw placeholders or doubled apostrophes, and Chinese sentences with Chinese punctuation. */
class TextsTest {
    /** A half-width , : ; ( ) ! ? right next to a Chinese character. */
    private static final Pattern HALF_WIDTH_IN_CHINESE =
            Pattern.compile("[\\u4e00-\\u9fff][,:;()!?]|[,:;()!?][\\u4e00-\\u9fff]");

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static java.util.stream.Stream<String> allBundles() {
        return TextCatalog.bundles().stream();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("allBundles")
    void givenEveryMessage_whenFormattedWithArguments_thenNoApostropheOrPlaceholderLeaks(String bundle) {
        Messages msg = new Messages(bundle);
        Object[] args = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"};
        for (Lang lang : Lang.values()) {
            for (String key : java.util.ResourceBundle.getBundle("i18n/" + bundle, lang.locale()).keySet()) {
                String text;
                try {
                    text = msg.get(lang, key, args);
                } catch (IllegalArgumentException e) {
                    continue; // a {0,number} argument: covered by the feature's own tests
                }
                assertThat(text).as(bundle + " " + lang + " " + key).doesNotContain("''").doesNotContainPattern("\\{\\d");
            }
        }
    }

    static java.util.stream.Stream<String> chineseBundles() {
        return TextCatalog.bundles().stream().map(b -> b + "_zh");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("chineseBundles")
    void givenChineseMessages_whenRead_thenFullWidthPunctuationInChineseSentences(String bundle) throws Exception {
        Properties p = load(bundle);
        List<String> bad = new ArrayList<>();
        p.forEach((k, v) -> {
            if (HALF_WIDTH_IN_CHINESE.matcher(v.toString()).find()) {
                bad.add(k + "=" + v);
            }
        });
        assertThat(bad).isEmpty();
    }

    @Test
    void givenRoadmap_whenChineseTextsRead_thenFullWidthPunctuationInChineseSentences() throws Exception {
        JsonNode root;
        try (InputStream in = TextsTest.class.getResourceAsStream("/roadmap/roadmap.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> bad = new ArrayList<>();
        collect(root, bad);
        assertThat(bad).isEmpty();
    }

    private static void collect(JsonNode node, List<String> bad) {
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equals("zh") && e.getValue().isTextual()) {
                if (HALF_WIDTH_IN_CHINESE.matcher(e.getValue().asText()).find()) {
                    bad.add(e.getValue().asText());
                }
            } else {
                collect(e.getValue(), bad);
            }
        });
        if (node.isArray()) {
            node.forEach(n -> collect(n, bad));
        }
    }
}

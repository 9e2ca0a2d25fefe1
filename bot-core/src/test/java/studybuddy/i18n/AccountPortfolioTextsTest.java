package studybuddy.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The texts of linking, your data, proof of work and projects: as {@link TextsTest} checks the others. */
class AccountPortfolioTextsTest {
    private static final Pattern HALF_WIDTH_IN_CHINESE =
            Pattern.compile("[\\u4e00-\\u9fff][,:;()!?]|[,:;()!?][\\u4e00-\\u9fff]");

    @ParameterizedTest
    @ValueSource(strings = {"account", "account_commands", "portfolio", "portfolio_commands"})
    void givenEveryMessage_whenFormattedWithArguments_thenNoApostropheOrPlaceholderLeaks(String bundle) {
        Messages msg = new Messages(bundle);
        Object[] args = {"a", "b", "c", "d", "e"};
        for (Lang lang : Lang.values()) {
            for (String key : java.util.ResourceBundle.getBundle("i18n/" + bundle, lang.locale()).keySet()) {
                String text = msg.get(lang, key, args);
                assertThat(text).as(bundle + " " + lang + " " + key).doesNotContain("''").doesNotContainPattern("\\{\\d");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"account_zh", "account_commands_zh", "portfolio_zh", "portfolio_commands_zh"})
    void givenChineseMessages_whenRead_thenFullWidthPunctuationInChineseSentences(String bundle) throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/" + bundle + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> bad = new ArrayList<>();
        p.forEach((k, v) -> {
            if (HALF_WIDTH_IN_CHINESE.matcher(v.toString()).find()) {
                bad.add(k + "=" + v);
            }
        });
        assertThat(bad).isEmpty();
    }
}

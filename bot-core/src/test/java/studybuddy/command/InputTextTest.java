package studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputTextTest {
    @Test
    void givenControlCharacters_whenCleaned_thenOnlyNewlinesAndTabsRemain() {
        assertThat(InputText.clean("/next\u0000")).isEqualTo("/next");
        assertThat(InputText.clean("a\u001b[2Jb\u0007c\u007fd\u0085e\r\n\tf")).isEqualTo("a[2Jbcde\n\tf");
        assertThat(InputText.clean((String) null)).isNull();
    }

    @Test
    void givenTextWithoutControlCharacters_whenCleaned_thenUnchangedIncludingEmojiAndChinese() {
        String text = "学习👩‍💻 (ZWJ emoji) “quotes” — dash";
        assertThat(InputText.clean(text)).isSameAs(text);
        assertThat(InputText.needsCleaning(text)).isFalse();
        assertThat(InputText.needsCleaning("x\u0000")).isTrue();
    }

    @Test
    void givenOptions_whenCleaned_thenKeysAndValuesCleanAndEmptyKeysDropped() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("unit\u0000", "ml\u0000-basics");
        options.put("\u0001", "x");
        assertThat(InputText.cleanOptions(options)).containsExactly(Map.entry("unit", "ml-basics"));
    }

    @Test
    void givenCallerWithControlCharactersInItsName_whenBuilt_thenNameIsClean() {
        Caller caller = new Caller("telegram", "42\u0000", "42", false, false, "Ada\u0000\u001b[31m", null);
        assertThat(caller.userId()).isEqualTo("42");
        assertThat(caller.displayName()).isEqualTo("Ada[31m");
    }
}

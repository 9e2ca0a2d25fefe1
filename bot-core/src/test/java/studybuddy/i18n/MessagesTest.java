package studybuddy.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessagesTest {
    /** Arguments of every kind the texts are given: words, emoji, small and large numbers, decimals, nothing. */
    private static final List<Object[]> ARGUMENTS = List.of(
            new Object[] {"Ada", "CS50 🎉", "{0}", "it's"},
            new Object[] {7, 42L, -3, (short) 999},
            new Object[] {1234, 2.5, 1_000_000L, 0.333},
            new Object[] {null, "x"},
            new Object[] {});

    @Test
    @DisplayName("every text of every bundle, filled with any kind of argument, reads as MessageFormat writes it")
    void givenEveryMessage_whenFilled_thenTheSameTextAsMessageFormat() {
        int compared = 0;
        for (String bundle : TextCatalog.bundles()) {
            Messages messages = new Messages(bundle);
            for (Lang lang : Lang.values()) {
                Properties texts = TextCatalog.load(bundle, lang);
                for (String key : texts.stringPropertyNames()) {
                    for (Object[] args : ARGUMENTS) {
                        // GIVEN what the bot did before texts were cut once at their arguments
                        String expected;
                        try {
                            expected = args.length == 0 ? texts.getProperty(key)
                                    : new MessageFormat(texts.getProperty(key).replace("'", "''"), lang.locale()).format(args);
                        } catch (IllegalArgumentException e) {
                            // a word given to a "{0,choice,…}" text: as much an error as it was
                            assertThatThrownBy(() -> messages.get(lang, key, args)).isInstanceOf(IllegalArgumentException.class);
                            continue;
                        }
                        // WHEN
                        String filled = messages.get(lang, key, args);
                        // THEN
                        assertThat(filled).as("%s %s %s", bundle, lang, key).isEqualTo(expected);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }
}

package studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void givenShortText_whenSplit_thenOneChunk() {
        // WHEN
        List<String> chunks = TextSplitter.split("hello world", 2000);
        // THEN
        assertThat(chunks).containsExactly("hello world");
    }

    @Test
    void givenLines_whenSplit_thenCutsAtLineBreaks() {
        // GIVEN
        String text = "first line here\nsecond line here\nthird";
        // WHEN
        List<String> chunks = TextSplitter.split(text, 20);
        // THEN
        assertThat(chunks).containsExactly("first line here", "second line here", "third");
    }

    @Test
    void givenOneLongLine_whenSplit_thenCutsAtSpacesWithinLimit() {
        // GIVEN
        String text = "word ".repeat(1000).strip();
        // WHEN
        List<String> chunks = TextSplitter.split(text, TextSplitter.DISCORD_LIMIT);
        // THEN
        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(c -> {
            assertThat(c.length()).isLessThanOrEqualTo(TextSplitter.DISCORD_LIMIT);
            assertThat(c).doesNotStartWith(" ").doesNotEndWith(" ");
        });
        assertThat(String.join(" ", chunks)).isEqualTo(text);
    }

    @Test
    void givenEmojiWithoutSpaces_whenSplit_thenNeverCutsASurrogatePair() {
        // GIVEN 3 000 emoji, each two chars, no break opportunity
        String text = "a" + "😀".repeat(3000);
        // WHEN
        List<String> chunks = TextSplitter.split(text, TextSplitter.TELEGRAM_LIMIT);
        // THEN
        assertThat(String.join("", chunks)).isEqualTo(text);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.length()).isLessThanOrEqualTo(TextSplitter.TELEGRAM_LIMIT);
            assertThat(Character.isLowSurrogate(c.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1))).isFalse();
        });
    }

    @Test
    void givenEmptyOrTinyLimit_whenSplit_thenEmptyOrRejected() {
        // THEN
        assertThat(TextSplitter.split("", 10)).isEmpty();
        assertThat(TextSplitter.split(null, 10)).isEmpty();
        assertThatThrownBy(() -> TextSplitter.split("abc", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

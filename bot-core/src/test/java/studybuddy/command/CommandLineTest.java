package studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void givenKeyValuePairsOfKnownOptions_whenParsed_thenOptionsAndFreeTextSeparated() {
        CommandLine line = CommandLine.parse("/setup@StudyBuddyBot hours=8 timezone=\"America/New_York\" extra words",
                Set.of("hours", "timezone"));
        assertThat(line.name()).isEqualTo("setup");
        assertThat(line.options()).isEqualTo(Map.of("hours", "8", "timezone", "America/New_York"));
        assertThat(line.text()).isEqualTo("extra words");
    }

    @Test
    void givenEqualsSignInQuestion_whenParsed_thenKeptAsText() {
        CommandLine line = CommandLine.parse("/ask what does x=y mean", Set.of());
        assertThat(line.text()).isEqualTo("what does x=y mean");
        assertThat(line.options()).isEmpty();
    }

    @Test
    void givenAddressedCommand_whenAddresseeRead_thenBotName() {
        assertThat(CommandLine.addressee("/next@StudyBuddyBot")).isEqualTo("StudyBuddyBot");
        assertThat(CommandLine.addressee("/next")).isEmpty();
        assertThat(CommandLine.commandName("/NEXT@x")).isEqualTo("next");
    }

    @Test
    void givenAction_whenEncodedAndParsed_thenRoundTrips() {
        String action = ActionCodec.encode("done", "unit", "ml-spec-1");
        CommandLine line = CommandLine.parse(action, Set.of("unit"));
        assertThat(line.name()).isEqualTo("done");
        assertThat(line.options()).containsEntry("unit", "ml-spec-1");
    }

    @Test
    void givenTooLongAction_whenEncoded_thenRefused() {
        assertThatThrownBy(() -> ActionCodec.encode("remind", "text", "x".repeat(80)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

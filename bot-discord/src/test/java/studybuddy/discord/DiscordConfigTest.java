package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordConfigTest {
    static final String TOKEN = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("123456789012345678".getBytes(StandardCharsets.US_ASCII)) + ".GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

    @Test
    void missingTokenStopsWithOneSentenceAndExitCode2() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(DiscordMain.run(Map.of())).isEqualTo(2);
            assertThat(DiscordMain.run(Map.of("DISCORD_BOT_TOKEN", "not-a-secret-token"))).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(2);
        assertThat(out).contains("DISCORD_BOT_TOKEN is not set").contains("does not look like a Discord bot token")
                .doesNotContain("not-a-secret-token");
    }

    @Test
    void validSettings() {
        DiscordConfig c = DiscordConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "Bot " + TOKEN,
                "DISCORD_GUILD_ID", "987654321098765432", "DISCORD_API_URL", "http://127.0.0.1:9/api/v10",
                "DISCORD_GATEWAY_URL", "ws://127.0.0.1:9/"));
        assertThat(c.token()).isEqualTo(TOKEN);
        assertThat(c.guildId()).contains("987654321098765432");
        assertThat(c.apiUrl()).isEqualTo("http://127.0.0.1:9/api/v10/");
        assertThat(c.gatewayUrl()).contains("ws://127.0.0.1:9/");
        assertThat(c.toString()).doesNotContain(TOKEN);
        DiscordConfig defaults = DiscordConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", TOKEN));
        assertThat(defaults.apiUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(defaults.guildId()).isEmpty();
        assertThat(defaults.gatewayUrl()).isEmpty();
    }

    @Test
    void badGuildIdIsRefused() {
        assertThatThrownBy(() -> DiscordConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", TOKEN,
                "DISCORD_GUILD_ID", "my-server"))).hasMessageContaining("DISCORD_GUILD_ID");
    }
}

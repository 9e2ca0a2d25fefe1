package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramConfigTest {
    static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra";

    @Test
    void defaultsToLongPollingOnTheOfficialApi() {
        TelegramConfig c = TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));
        assertThat(c.apiUrl().getHost()).isEqualTo("api.telegram.org");
        assertThat(c.webhookUrl()).isEmpty();
        assertThat(c.webhookSecret()).matches("[A-Za-z0-9_-]{48}");
        assertThat(c.toString()).doesNotContain(TOKEN.substring(10));
    }

    @Test
    void readsApiAndWebhookSettings() {
        TelegramConfig c = TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "http://localhost:8081", "TELEGRAM_WEBHOOK_URL", "https://bot.example.com/tg",
                "TELEGRAM_WEBHOOK_SECRET", "s3cret_-", "TELEGRAM_WEBHOOK_PORT", "9000"));
        assertThat(c.apiUrl().getSchema()).isEqualTo("http");
        assertThat(c.apiUrl().getPort()).isEqualTo(8081);
        assertThat(c.webhookPath()).isEqualTo("/tg");
        assertThat(c.webhookSecret()).isEqualTo("s3cret_-");
        assertThat(c.webhookPort()).isEqualTo(9000);
    }

    @Test
    void missingOrMalformedSettingsAreOneClearSentence() {
        assertThatThrownBy(() -> TelegramConfig.fromEnvironment(Map.of()))
                .isInstanceOf(TelegramConfig.InvalidConfigException.class).hasMessageContaining("TELEGRAM_BOT_TOKEN is not set");
        assertThatThrownBy(() -> TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "12345:short")))
                .hasMessageContaining("malformed").hasMessageNotContaining("short");
        assertThatThrownBy(() -> TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "ftp://x"))).hasMessageContaining("TELEGRAM_API_URL");
        assertThatThrownBy(() -> TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_WEBHOOK_SECRET", "has spaces"))).hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
    }

    @Test
    void mainStopsWithExitCode2AndOneSentenceWithoutStackTraceOrToken() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String badToken = "12345:this-is-not-a-valid-token";
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "studybuddy.telegram.TelegramMain");
        pb.environment().put("TELEGRAM_BOT_TOKEN", badToken);
        pb.environment().remove("DATABASE_URL");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out.lines()).hasSize(1);
        assertThat(out).contains("TELEGRAM_BOT_TOKEN").doesNotContain("Exception").doesNotContain(badToken)
                .doesNotContain("this-is-not");

        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        Process missing = pb.start();
        String said = new String(missing.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(missing.waitFor()).isEqualTo(2);
        assertThat(said).contains("TELEGRAM_BOT_TOKEN is not set").doesNotContain("Exception");
    }
}

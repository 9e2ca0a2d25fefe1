package studybuddy.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.storage.Database;
import studybuddy.testing.LocalPostgres;
import studybuddy.storage.TestDatabase;

/** What people type at the console: cleaned before use, never echoed raw, answered even while the database is away. */
class ConsoleInputTest {
    private static String run(BotCore core, String user, String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleSession(core.dispatcher(), user, false).run(new BufferedReader(new StringReader(input)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("Given NUL and terminal escapes in typed lines, then commands work and nothing raw reaches the terminal")
    void givenControlCharacters_whenTyped_thenCleanedAndNotEchoed() throws Exception {
        try (Database db = TestDatabase.fresh(4)) {
            BotCore core = new BotCore(db, Clock.systemUTC());
            String out = run(core, "ada\u0000\u001b", "/next\u0000\n/frob\u001b]0;owned\u0007\u001b[2J\nwhat is a \u0000tensor?\n");

            assertThat(out).contains("Send /start") // /next worked
                    .contains("the command /frob]0;owned[2j")
                    .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u0000");
            assertThat(core.learners().findByPlatformUser("console", "ada")).isPresent();
        }
    }

    @Test
    @DisplayName("Given the database stops, when lines are typed, then each gets the notice within 5 s, then answers once it is back")
    void givenDatabaseOutage_whenTyped_thenNoticeForEveryLineThenNormalAnswers() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start("fsync=off"); Database db = pg.connect(4)) {
            BotCore core = new BotCore(db, Clock.systemUTC());
            assertThat(run(core, "kim", "/help\n")).contains("study-buddy");

            pg.stop();
            long started = System.nanoTime();
            String out = run(core, "kim", "/next\nwhat is overfitting?\n/frobnicate\n");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(out.lines().filter(l -> l.contains("can't reach my database"))).hasSize(3);
            assertThat(took).isLessThan(Duration.ofSeconds(5));

            pg.restart();
            // the console keeps no inbox: typed again once the database is back, it answers as usual
            long deadline = System.nanoTime() + 10_000_000_000L;
            String again = run(core, "kim", "/frobnicate\n");
            while (again.contains("can't reach") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                again = run(core, "kim", "/frobnicate\n");
            }
            assertThat(again).contains("the command /frobnicate");
        }
    }
}

package studybuddy.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studybuddy.BotCore;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** /export and /forget in the console: the file is saved where the user can open it; the button erases. */
class ConsoleDataTest {
    private Database db;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path files;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void givenConsoleLearner_whenExportThenForgetByNumber_thenFileSavedAndDataErased() throws Exception {
        BotCore core = new BotCore(db, clock);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String script = String.join("\n",
                "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00",
                "/project start Bird song classifier",
                "/export",
                "/forget",
                "1") + "\n";
        new ConsoleSession(core.dispatcher(), "ida", null, false, files)
                .run(new BufferedReader(new StringReader(script)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        java.util.regex.Matcher path = java.util.regex.Pattern
                .compile("📎 study-buddy-data-2026-11-27\\.json saved: (\\S+)").matcher(out);
        assertThat(out).contains("Projects: 1");
        assertThat(path.find()).as(out).isTrue();
        Path saved = Path.of(path.group(1));
        assertThat(saved.getParent()).isEqualTo(files.toAbsolutePath());
        // an export is personal data: readable by its owner only
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(saved)).contains("Bird song classifier").contains("\"user_id\" : \"ida\"");
        assertThat(out).contains("everything I kept about you is erased");
        assertThat(core.learners().findByPlatformUser("console", "ida")).isEmpty();
    }
}

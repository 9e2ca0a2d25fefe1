package studybuddy.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** Spaced review in the console: the quiz arrives in the terminal, its options are pressed by number. */
class ConsoleReviewTest {
    private Database db;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    @DisplayName("a review question sent by the bot is answered by typing its option's number; /progress shows a file path")
    void givenReviewInConsole_whenOptionNumberTyped_thenAnswered() throws Exception {
        BotCore core = new BotCore(db, clock);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleSession session = new ConsoleSession(core.dispatcher(), "ada", null, false, Files.createTempDirectory("sb-files"));
        core.registerSender(session.sender(studybuddy.console.ConsoleOutput.of(out)));
        session.run(new BufferedReader(new StringReader("""
                /setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00
                /done cs50-1
                """)), out);

        // WHEN the review comes on Sunday 09:00 Berlin
        clock.set(Instant.parse("2026-11-29T08:00:00Z"));
        core.reviews().sweep();
        core.outboxSender().drain();
        String quiz = bytes.toString(StandardCharsets.UTF_8);
        assertThat(quiz).contains("🔔 🔁 Review · CS50x weeks 0–3").contains("binary search");
        Matcher right = Pattern.compile("\\[(\\d)] It must be sorted").matcher(quiz);
        assertThat(right.find()).isTrue();

        // AND she types the right option's number, then asks for her progress
        bytes.reset();
        session.run(new BufferedReader(new StringReader(right.group(1) + "\n/progress\n")), out);
        String after = bytes.toString(StandardCharsets.UTF_8);

        // THEN the answer counts, and the picture is saved to a file whose path is shown
        assertThat(after).contains("✅ Right!").contains("in 7 days");
        assertThat(count("select count(*) from review_answer where correct")).isEqualTo(1);
        Matcher file = Pattern.compile("📎 progress\\.png saved: (\\S+)").matcher(after);
        assertThat(file.find()).isTrue();
        Path png = Path.of(file.group(1));
        byte[] head = Files.readAllBytes(png);
        assertThat(head[1]).isEqualTo((byte) 'P');
        Files.deleteIfExists(png);
    }

    private int count(String sql) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}

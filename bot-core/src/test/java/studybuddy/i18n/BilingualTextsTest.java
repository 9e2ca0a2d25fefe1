package studybuddy.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a user reads has its Chinese twin: in the bundles, and no user-facing sentence hard-coded in Java. */
class BilingualTextsTest {
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** A literal that is a pattern to read learners' words (alternatives, groups, word boundaries), not a text. */
    private static final Pattern REGEX = Pattern.compile("\\(\\?|\\||\\\\\\\\[bsdw]");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}");
    /** Lines that are for operators, not users: logs, exceptions, configuration errors. */
    private static final Pattern OPERATOR_LINE = Pattern.compile(
            "\\blog\\.|Logger|problems\\.add\\(|Exception\\(|throw |System\\.(err|out)|\\.(error|warn|info|debug|trace)\\(|@|"
                    + "IllegalStateException|IllegalArgumentException|describedAs|\\.as\\(");
    /** Operator messages spread over several lines or built into a reason (their lines name no logger). */
    private static final List<String> OPERATOR_TEXTS = List.of("chat not found", "could not be saved", "Another instance sends the outbox", "database is back",
            "set transaction read only", "a read-only unit of work wrote", "could not lock", "set STUDYBUDDY_HOME to a folder",
            // readiness details (studybuddy.platform.HealthCheck), read by operators
            "polling loop stopped", "refused getUpdates", "another instance polls this bot", "long polling stopped",
            "webhook server", "gateway not started", "user not found",
            "export its token as", "Weekly goal sweep", "no sender for", "expected an object with a",
            "embedded PostgreSQL in", "run as a user that may start PostgreSQL", "Check DATABASE_URL",
            "registered on server", "is not known yet", "Discord refused the DM", "is gone or not visible",
            "Copy Server ID", "DATABASE_URL must be a PostgreSQL address", "e.g. https://api.telegram.org");

    @Test
    void givenEveryBundle_whenLoaded_thenEveryEnglishTextHasAChineseTwinThatIsTranslated() {
        List<String> bad = new ArrayList<>();
        for (String bundle : TextCatalog.bundles()) {
            new Messages(bundle); // fails on a key missing in either language
            Properties en = TextCatalog.load(bundle, Lang.EN);
            Properties zh = TextCatalog.load(bundle, Lang.ZH);
            en.forEach((k, v) -> {
                String english = v.toString();
                String chinese = zh.getProperty(k.toString(), "");
                // a sentence left in English in the Chinese bundle (names and pure commands aside)
                if (WORDS.matcher(english).find() && !chinese.codePoints().anyMatch(c ->
                        Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    bad.add(bundle + " " + k + "=" + chinese);
                }
            });
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void givenTheSources_whenScanned_thenNoUserFacingEnglishSentenceIsHardCoded() throws IOException {
        List<String> bad = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath().getParent();
        for (String module : List.of("bot-core", "bot-telegram", "bot-discord")) {
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                // parsers hold the words learners type (input vocabularies), not texts shown to them
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().endsWith("Parser.java")
                        && !p.toString().contains("/when/")
                        // operators' side: metrics, start-up and shutdown, printed to the log or stderr
                        && !p.toString().contains("/ops/") && !p.toString().endsWith("Main.java")
                        && !p.toString().endsWith("HealthCheck.java"))
                        .toList()) {
                    String code = Files.readString(f).replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                            .replaceAll("(?s)/\\*.*?\\*/", "");
                    String[] lines = code.split("\n");
                    for (int i = 0; i < lines.length; i++) {
                        // whole-line and trailing comments are for developers
                        String line = lines[i].replaceAll("^\\s*//.*", "").replaceAll("\\s//\\s.*$", "");
                        if (OPERATOR_LINE.matcher(line).find()) {
                            continue;
                        }
                        Matcher m = LITERAL.matcher(line);
                        while (m.find()) {
                            String s = m.group(1);
                            if (WORDS.matcher(s).find() && OPERATOR_TEXTS.stream().noneMatch(s::contains)
                                    && !REGEX.matcher(s).find()
                                    && !s.matches("(?i).*\\b(select|insert|update|delete|where|from|join|is not null|is null)\\b.*")) {
                                bad.add(root.relativize(f) + ":" + (i + 1) + " \"" + s + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(bad).as("user-facing text belongs in an i18n bundle with its Chinese twin").isEmpty();
    }
}

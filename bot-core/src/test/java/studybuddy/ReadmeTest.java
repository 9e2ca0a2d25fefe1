package studybuddy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README works for someone who cloned only this repository. */
class ReadmeTest {
    private static final Pattern OUTSIDE_PATH = Pattern.compile("\\.\\./[\\w./-]+");

    @Test
    void givenReadme_whenItNamesAFileOutsideTheRepository_thenItSaysItIsNotPartOfIt() throws Exception {
        // GIVEN the README of the repository (bot-core's parent folder)
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        // WHEN / THEN every "../…" path sits in a paragraph that says it is outside the repository
        List<String> bad = new ArrayList<>();
        for (String paragraph : readme.split("\\n\\s*\\n(?=\\S)")) {
            Matcher m = OUTSIDE_PATH.matcher(paragraph);
            while (m.find()) {
                String context = readme.substring(Math.max(0, readme.indexOf(paragraph) - 400), readme.indexOf(paragraph));
                if (!(context + paragraph).contains("not part of\nthis repository")
                        && !(context + paragraph).contains("not part of this repository")) {
                    bad.add(m.group());
                }
            }
        }
        assertThat(bad).isEmpty();
    }
}

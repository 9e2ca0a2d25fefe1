package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.i18n.Lang;

/**
 * A guarded pattern finds exactly what its plain pattern finds: the literals it checks first are ones every match
 * contains, read conservatively, so a text it skips is one the pattern could not match.
 */
class GuardedPatternTest {

    private static List<String> literals(String regex) {
        return GuardedPattern.RequiredLiterals.of(regex, 0);
    }

    @Test
    void givenAlternativesAndGroups_whenRead_thenEveryMatchHoldsOneOfTheLiterals() {
        // THEN: the heaviest literal of each alternative; a group counts when it cannot be skipped
        assertThat(literals("\\bhow (?:long|many weeks)\\b")).containsExactly("how "); // as heavy, and one literal
        assertThat(literals("\\bto (?:learn|master) it\\b")).containsExactlyInAnyOrder("learn", "master");
        assertThat(literals("多久|多长时间|\\bhow long\\b")).containsExactlyInAnyOrder("多久", "多长时间", "how long");
        assertThat(literals("Colou?r")).containsExactly("colo"); // folded to lower case; the optional "u" ends it
        assertThat(literals("ab+c")).containsExactly("ab");
        assertThat(literals("(?:fast\\.?ai)[^。]{0,10}book")).containsExactly("fast"); // equal weight: the first
        assertThat(literals("(?!foo)bar")).containsExactly("bar"); // a look-ahead requires nothing
        assertThat(literals("(?:x)?yz")).containsExactly("yz");
        assertThat(literals("\\u4e00abc")).containsExactly("abc"); // the escape's digits are not literals
    }

    @Test
    void givenWhatCannotBeReadWithCertainty_whenRead_thenNothingIsGuarded() {
        assertThat(literals("\\d+|abc")).isNull(); // one alternative without literals
        assertThat(literals("\\Qa.b\\E")).isNull();
        assertThat(literals("(?x) a b c")).isNull();
        assertThat(literals("(a)\\1")).isNull();
        assertThat(literals("a|b")).isNull(); // one Latin letter rejects too few texts to be worth a check
        assertThat(GuardedPattern.RequiredLiterals.of("abc", Pattern.COMMENTS)).isNull();
    }

    @Test
    void givenInlineFlagsAtTheTopLevel_whenAlternativesAreReadApart_thenLaterOnesKeepThem() {
        // GIVEN "(?s)" set in the first alternative, which holds in the second
        GuardedPattern p = GuardedPattern.compile("^x(?s)y|ab.cd");

        // THEN the second alternative, read alone, still lets "." match a line break
        assertThat(p.find("ab\ncd")).isTrue();
        assertThat(Pattern.compile("^x(?s)y|ab.cd").matcher("ab\ncd").find()).isTrue();
    }

    @Test
    void givenCaseInsensitivePattern_whenTextIsInAnyCase_thenFoundAsByThePlainPattern() {
        GuardedPattern p = GuardedPattern.compile("\\bHow Long\\b|多久", Pattern.CASE_INSENSITIVE);

        assertThat(p.find("HOW LONG does it take")).isTrue();
        assertThat(p.find("how long")).isTrue();
        assertThat(p.find("要多久")).isTrue();
        assertThat(p.find("what now")).isFalse();
        assertThat(p.matcher("what now").find()).isFalse();
        assertThat(p.matcher("So how long?").replaceAll("_")).isEqualTo("So _?");
    }

    @Test
    @DisplayName("every pattern of the Q&A finds what its plain pattern finds, on the messages of the question sets")
    void everyQaPattern_onEveryKindOfMessage_findsWhatThePlainPatternFinds() throws IOException {
        // GIVEN every pattern the Q&A compiles (reading one question loads them all)
        QaService.shared().answer("how long will this take?", Lang.EN, Optional.empty());
        List<String> texts = messages();

        // WHEN each is read guarded and plain
        List<String> differing = new ArrayList<>();
        int skipped = 0;
        int reads = 0;
        for (GuardedPattern p : GuardedPattern.all()) {
            for (String text : texts) {
                boolean plain = p.pattern().matcher(text).find();
                boolean guarded = p.find(text);
                reads++;
                skipped += p.mayMatch(text) ? 0 : 1;
                if (plain != guarded || plain && !p.mayMatch(text)) {
                    differing.add(p + " on " + text);
                }
            }
        }

        // THEN no difference, and the guard does skip most reads (or it would be no use)
        assertThat(GuardedPattern.all()).hasSizeGreaterThan(200);
        assertThat(differing).isEmpty();
        assertThat(skipped).isGreaterThan(reads / 2);
    }

    /** A spread of 2 500 questions over every set, as written and in lower case. */
    private static List<String> messages() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/qa"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode q = line.isBlank() ? null : json.readTree(line).get("question");
                    if (q != null) {
                        all.add(q.asText());
                    }
                }
            }
        }
        List<String> texts = new ArrayList<>();
        int step = Math.max(1, all.size() / 2500);
        for (int i = 0; i < all.size(); i += step) {
            texts.add(all.get(i));
            texts.add(all.get(i).toLowerCase(Locale.ROOT));
        }
        return texts;
    }
}

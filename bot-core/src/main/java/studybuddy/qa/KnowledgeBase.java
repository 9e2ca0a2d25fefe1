package studybuddy.qa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import studybuddy.i18n.Lang;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LocalizedText;

/**
 * The Q&A knowledge written from the seed article: one entry per topic, in English and Chinese,
 * plus the seed's time figures. Loaded from {@code qa/knowledge.json} so content changes need no code change.
 */
public record KnowledgeBase(List<Entry> entries, List<TimeFigure> timeFigures) {

    public static final String RESOURCE = "qa/knowledge.json";

    public KnowledgeBase {
        entries = List.copyOf(entries);
        timeFigures = List.copyOf(timeFigures == null ? List.of() : timeFigures);
        Set<String> ids = new HashSet<>();
        for (Entry e : entries) {
            if (!ids.add(e.id())) {
                throw new IllegalStateException("Duplicate knowledge entry id " + e.id());
            }
        }
    }

    /**
     * One topic the bot can answer. {@code intent} marks entries that get personalised ("time", "next");
     * {@code stage}, on the roadmap's learning stages, names the stage that follows and how learners name this one.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, List<String> units, String intent, String background,
                        LocalizedText title, LocalizedText answer, Texts phrasings, Texts keywords, Stage stage) {
        public Entry {
            Objects.requireNonNull(id, "id");
            units = List.copyOf(units == null ? List.of() : units);
            phrasings = phrasings == null ? Texts.EMPTY : phrasings;
            keywords = keywords == null ? Texts.EMPTY : keywords;
            if (title == null || !title.complete() || answer == null || !answer.complete()) {
                throw new IllegalStateException("Knowledge entry " + id + " needs an en and zh title and answer");
            }
        }

        public boolean hasIntent(String name) {
            return name.equals(intent);
        }
    }

    /** A learning stage: the id of the entry for the stage after it, and names of this stage ("CS50", "经典机器学习"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stage(String next, Texts names) {
        public Stage {
            Objects.requireNonNull(next, "next");
            names = names == null ? Texts.EMPTY : names;
        }
    }

    public Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Lists of texts per language: alternative phrasings or keywords to index. */
    public record Texts(List<String> en, List<String> zh) {
        static final Texts EMPTY = new Texts(List.of(), List.of());

        public Texts {
            en = List.copyOf(en == null ? List.of() : en);
            zh = List.copyOf(zh == null ? List.of() : zh);
        }

        public List<String> in(Lang lang) {
            return lang == Lang.ZH ? zh : en;
        }
    }

    /** The seed's estimate for one starting point: {@code months} at {@code hoursPerWeek}. */
    public record TimeFigure(String background, double months, int hoursPerWeek) {
        public Optional<Background> parsedBackground() {
            return Background.parse(background);
        }

        /** Months at another weekly effort, assuming the same total hours. */
        public double monthsAt(int weeklyHours) {
            return weeklyHours <= 0 ? months : months * hoursPerWeek / weeklyHours;
        }
    }

    public Optional<TimeFigure> timeFor(Background background) {
        return timeFigures.stream().filter(t -> t.parsedBackground().orElse(null) == background).findFirst();
    }

    public static KnowledgeBase load() {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, KnowledgeBase.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}

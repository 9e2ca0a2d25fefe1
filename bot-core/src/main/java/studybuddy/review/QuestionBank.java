package studybuddy.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import studybuddy.platform.Poll;
import studybuddy.roadmap.LocalizedText;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.Unit;

/**
 * The review questions of every unit, read from {@code review/questions.json} and checked once at load: every unit
 * of the roadmap has {@value #MIN_PER_UNIT} to {@value #MAX_PER_UNIT} questions, no question names an unknown unit,
 * ids are unique, each question has 2 to 6 options in both languages (the same number), the answer index points at
 * one of them, options are distinct, and every text fits the platforms' limits (a Telegram quiz's question, options
 * and explanation; a Discord button's label).
 */
public final class QuestionBank {
    public static final String DEFAULT_RESOURCE = "/review/questions.json";
    static final int MIN_PER_UNIT = 3;
    static final int MAX_PER_UNIT = 5;
    /** A Discord button label holds 80 characters; options become button labels there. */
    static final int MAX_OPTION = 80;
    /** The question is shown under a short heading naming the unit; leave room for it in a quiz's 300. */
    static final int MAX_QUESTION = 220;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    record JsonQuestion(@JsonProperty("id") String id, @JsonProperty("q") LocalizedText q,
                        @JsonProperty("en") List<String> en, @JsonProperty("zh") List<String> zh,
                        @JsonProperty("answer") int answer, @JsonProperty("why") LocalizedText why) {
    }

    record JsonBank(@JsonProperty("comment") String comment,
                    @JsonProperty("units") Map<String, List<JsonQuestion>> units) {
    }

    private final Map<String, List<ReviewQuestion>> byUnit;
    private final Map<String, ReviewQuestion> byId;

    private QuestionBank(Map<String, List<ReviewQuestion>> byUnit) {
        this.byUnit = byUnit;
        Map<String, ReviewQuestion> ids = new LinkedHashMap<>();
        byUnit.values().forEach(qs -> qs.forEach(q -> ids.put(q.id(), q)));
        this.byId = ids;
    }

    /** The bank bundled with the bot, checked against the roadmap. */
    public static QuestionBank loadDefault(Roadmap roadmap) {
        try (InputStream in = QuestionBank.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("review questions " + DEFAULT_RESOURCE + " not found on the classpath");
            }
            return load(in, roadmap);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Parses and validates a bank; fails with every problem found, one per line. */
    public static QuestionBank load(InputStream in, Roadmap roadmap) {
        JsonBank json;
        try {
            json = MAPPER.readValue(in, JsonBank.class);
        } catch (IOException e) {
            throw new IllegalStateException("review questions JSON is malformed: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        Map<String, List<JsonQuestion>> units = json == null || json.units() == null ? Map.of() : json.units();
        Map<String, List<ReviewQuestion>> byUnit = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (Unit unit : roadmap.units()) {
            List<JsonQuestion> qs = units.getOrDefault(unit.id(), List.of());
            if (qs.size() < MIN_PER_UNIT || qs.size() > MAX_PER_UNIT) {
                problems.add("unit " + unit.id() + " has " + qs.size() + " questions, needs " + MIN_PER_UNIT + "–"
                        + MAX_PER_UNIT);
            }
            List<ReviewQuestion> valid = new ArrayList<>();
            for (JsonQuestion q : qs) {
                String where = "question " + q.id() + " of " + unit.id();
                int before = problems.size();
                check(q, where, problems);
                if (q.id() != null && !ids.add(q.id())) {
                    problems.add(where + ": id used twice");
                }
                if (problems.size() == before) {
                    valid.add(new ReviewQuestion(q.id(), unit.id(), q.q(), q.en(), q.zh(), q.answer(), q.why()));
                }
            }
            byUnit.put(unit.id(), List.copyOf(valid));
        }
        for (String unitId : units.keySet()) {
            if (roadmap.unit(unitId).isEmpty()) {
                problems.add("questions for unknown unit " + unitId);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("review questions are invalid:\n  " + String.join("\n  ", problems));
        }
        return new QuestionBank(byUnit);
    }

    private static void check(JsonQuestion q, String where, List<String> problems) {
        if (q.id() == null || !q.id().matches("[a-z0-9-]+\\.[a-z0-9]+")) {
            problems.add(where + ": id must look like unit.x");
        }
        if (q.q() == null || !q.q().complete()) {
            problems.add(where + ": question missing in en or zh");
        } else if (q.q().en().length() > MAX_QUESTION || q.q().zh().length() > MAX_QUESTION) {
            problems.add(where + ": question longer than " + MAX_QUESTION + " characters");
        }
        if (q.why() == null || !q.why().complete()) {
            problems.add(where + ": explanation missing in en or zh");
        } else if (q.why().en().length() > Poll.MAX_EXPLANATION || q.why().zh().length() > Poll.MAX_EXPLANATION) {
            problems.add(where + ": explanation longer than " + Poll.MAX_EXPLANATION + " characters");
        }
        if (q.en() == null || q.zh() == null || q.en().size() != q.zh().size()) {
            problems.add(where + ": options must exist in en and zh, the same number in each");
            return;
        }
        if (q.en().size() < 2 || q.en().size() > 6) {
            problems.add(where + ": needs 2–6 options");
        }
        for (List<String> options : List.of(q.en(), q.zh())) {
            if (options.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > MAX_OPTION)) {
                problems.add(where + ": an option is empty or longer than " + MAX_OPTION + " characters");
            } else if (new HashSet<>(options).size() != options.size()) {
                problems.add(where + ": two options are the same");
            }
        }
        if (q.answer() < 0 || q.answer() >= q.en().size()) {
            problems.add(where + ": answer index " + q.answer() + " is not one of its " + q.en().size() + " options");
        }
    }

    /** A unit's questions, in the order they take turns. */
    public List<ReviewQuestion> forUnit(String unitId) {
        return byUnit.getOrDefault(unitId, List.of());
    }

    public Optional<ReviewQuestion> question(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }
}

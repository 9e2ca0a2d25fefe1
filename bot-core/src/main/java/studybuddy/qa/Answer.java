package studybuddy.qa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studybuddy.i18n.Lang;

/**
 * The bot's reply to a roadmap question.
 *
 * @param text         what to show the learner, in {@code lang}
 * @param confident    false when the bot is not sure and {@code text} says so
 * @param topic        the knowledge entry answered from, {@code "none"} when not confident
 * @param score        the confidence measure (0–1): how much of the question the chosen topic explains
 * @param relatedUnits roadmap unit ids the topic relates to
 * @param suggestions  when not confident: the topics the question most likely meant ("did you mean"), best first
 * @param startOptions when the question stated the asker's situation: /start options with those values filled in
 */
public record Answer(String text, boolean confident, String topic, double score, Lang lang, List<String> relatedUnits,
                     List<Suggestion> suggestions, Map<String, String> startOptions) {
    public static final String NO_TOPIC = "none";

    /** A topic offered when the bot is not sure: its id (to answer it on a press), title and answer, in the asker's language. */
    public record Suggestion(String id, String title, String answer) {
    }

    public Answer {
        relatedUnits = List.copyOf(relatedUnits == null ? List.of() : relatedUnits);
        suggestions = List.copyOf(suggestions == null ? List.of() : suggestions);
        startOptions = startOptions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startOptions));
    }

    public Answer(String text, boolean confident, String topic, double score, Lang lang, List<String> relatedUnits) {
        this(text, confident, topic, score, lang, relatedUnits, List.of(), Map.of());
    }
}

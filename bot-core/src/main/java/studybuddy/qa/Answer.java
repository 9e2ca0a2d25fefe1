package studybuddy.qa;

import java.util.List;
import studybuddy.i18n.Lang;

/**
 * The bot's reply to a roadmap question.
 *
 * @param text         what to show the learner, in {@code lang}
 * @param confident    false when the bot is not sure and {@code text} says so
 * @param topic        the knowledge entry answered from, {@code "none"} when not confident
 * @param score        the confidence measure (0–1): how much of the question the chosen topic explains
 * @param relatedUnits roadmap unit ids the topic relates to
 */
public record Answer(String text, boolean confident, String topic, double score, Lang lang, List<String> relatedUnits) {
    public static final String NO_TOPIC = "none";

    public Answer {
        relatedUnits = List.copyOf(relatedUnits == null ? List.of() : relatedUnits);
    }
}

package studybuddy.roadmap;

import java.util.Locale;
import java.util.Optional;

/** The seed's two paths. Software-engineering first is its recommendation for self-learners. */
public enum LearningPath {
    SOFTWARE("software"),
    DATA("data");

    private final String id;

    LearningPath(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<LearningPath> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Optional.ofNullable(switch (v) {
            case "software", "software-first", "software-engineering", "se", "swe", "软件", "软件工程", "软件工程优先" -> SOFTWARE;
            case "data", "data-first", "data-science", "ds", "数据", "数据科学", "数据科学优先" -> DATA;
            default -> null;
        });
    }
}

package studybuddy.roadmap;

import java.util.Locale;
import java.util.Optional;

/** Where a learner starts, as the seed distinguishes them. */
public enum Background {
    SCRATCH("scratch"),
    DEVELOPER("developer"),
    DATA_SCIENTIST("data-scientist"),
    QUANT_STUDENT("quant-student");

    private final String id;

    Background(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Accepts the id and a few everyday spellings ("dev", "programmer", "data scientist", "math student"). */
    public static Optional<Background> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Optional.ofNullable(switch (v) {
            case "scratch", "from-scratch", "beginner", "none", "new", "零基础", "从零开始", "新手" -> SCRATCH;
            case "developer", "dev", "programmer", "software-engineer", "engineer", "开发者", "程序员", "开发人员" -> DEVELOPER;
            case "data-scientist", "datascientist", "ds", "data-science", "analyst", "数据科学家" -> DATA_SCIENTIST;
            case "quant-student", "quant", "quantitative", "student", "math-student", "stem-student", "定量专业学生", "数学专业", "学生" -> QUANT_STUDENT;
            default -> null;
        });
    }
}

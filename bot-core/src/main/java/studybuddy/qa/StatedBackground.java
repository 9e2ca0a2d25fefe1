package studybuddy.qa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import studybuddy.roadmap.Background;

/**
 * The starting point an asker states in the question itself ("I am a data scientist, how long…",
 * "我是程序员，要学多久？"): it wins over the saved profile for that answer.
 */
final class StatedBackground {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    /** Checked in this order: "data science developer" is a data scientist, "student developer" a developer. */
    private static final Map<Background, GuardedPattern> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put(Background.DATA_SCIENTIST, GuardedPattern.compile(
                "\\bdata[ -]?scien(tist|ce)s?\\b|\\bdata analysts?\\b|数据科学|数据分析师", FLAGS));
        PATTERNS.put(Background.DEVELOPER, GuardedPattern.compile(
                "\\b(developer|programmer|software engineer|web dev|coder|swe|backend engineer|frontend engineer)s?\\b"
                        + "|程序员|开发人员|开发者|软件工程师|码农|写代码的", FLAGS));
        PATTERNS.put(Background.QUANT_STUDENT, GuardedPattern.compile(
                "\\b(math|maths|mathematics|physics|statistics|stats|quantitative|stem|engineering)"
                        + " (student|major|undergrad|graduate)s?\\b|\\bstudent of (a )?(math|maths|mathematics|physics|"
                        + "statistics|quantitative)"
                        + "|(数学|物理|统计|理工科|定量)(专业)?的?(学生|本科生|研究生)|数学系|物理系|统计系", FLAGS));
        PATTERNS.put(Background.SCRATCH, GuardedPattern.compile(
                "from scratch|\\b(complete|total|absolute)? ?beginners?\\b|\\bnewbie\\b|\\bno (programming|coding)"
                        + " (experience|background)\\b|\\bnever (coded|programmed)\\b"
                        + "|零基础|从零开始|从头开始|新手|小白|没有编程(经验|基础)|没学过编程", FLAGS));
    }

    private StatedBackground() {
    }

    static Optional<Background> in(String question) {
        if (question == null || question.isBlank()) {
            return Optional.empty();
        }
        return PATTERNS.entrySet().stream().filter(e -> e.getValue().find(question))
                .map(Map.Entry::getKey).findFirst();
    }
}

package studybuddy.qa;

import java.util.regex.Pattern;

/** A short message that only makes sense after the previous answer: "and after that?", "那之后呢", "why?", "为啥". */
enum FollowUp {
    NONE, AFTER, WHY;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final GuardedPattern AFTER_PATTERN = GuardedPattern.compile(
            "(?:and|so|ok|okay|then)?\\s*(?:then\\s*)?(?:after that|afterwards|what after that|what comes after( that)?|what'?s next"
                    + "|what is next|what next|and then|then what|what then|next( step)?|after|and after)"
                    + "|(?:那|然后|再)?(?:之后|以后|接下来|下一步|然后|再然后|后面|学完)(?:呢|学什么|学啥|干嘛|做什么|该学什么)?",
            FLAGS);
    private static final GuardedPattern WHY_PATTERN = GuardedPattern.compile(
            "(?:but|and|so)?\\s*(?:why|how come|why so|why is that|why that|for what reason|reason)"
                    + "|(?:那|但)?(?:为什么|为啥|为何|凭什么|怎么说|理由呢|原因呢)(?:呢|啊|呀)?",
            FLAGS);

    static FollowUp of(String message) {
        if (message == null) {
            return NONE;
        }
        String m = message.strip().replaceAll("[\\s?？!！.。,，~…]+$", "").replaceAll("^[\\s,，]+", "");
        if (m.isEmpty() || m.length() > 30) {
            return NONE;
        }
        if (AFTER_PATTERN.matcher(m).matches()) {
            return AFTER;
        }
        if (WHY_PATTERN.matcher(m).matches()) {
            return WHY;
        }
        return NONE;
    }
}

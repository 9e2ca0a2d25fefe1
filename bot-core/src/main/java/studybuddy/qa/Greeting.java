package studybuddy.qa;

import java.util.regex.Pattern;

/** A message that only greets ("hi", "你好", "在吗？"): it gets a greeting back, not "I'm not sure". */
final class Greeting {
    // Whole-message greetings only: "hi, what is MLOps?" is a question and goes to the index.
    private static final String TRAILING = "[\\s\\p{Punct}！。，～？\\p{So}\\uFE0F]*";
    private static final GuardedPattern ONLY_GREETING = GuardedPattern.compile(
            "(?i)\\s*(hi|hello|hey|hiya|yo|howdy|hi there|hello there|hey there|good (morning|afternoon|evening)|gm|morning"
                    + "|你好|您好|嗨|哈喽|哈啰|hello呀|你好呀|早上好|下午好|晚上好|早|早安|在吗|在不在|大家好)"
                    + "(\\s*(bot|buddy|study-buddy|study buddy|机器人|guys|all|everyone|everybody|folks|y'?all|team|fam|friends|frens|fren|大家|各位))?"
                    + TRAILING
                    // small talk after it: "good morning guys ☀️ hows everyone"
                    + "((how'?s|how is|how are) (everyone|everybody|you( all| guys)?|u|it going|y'?all|things)( doing)?|anyone (else )?(up|awake|here|around)( this early| this late| rn| now)?|大家好吗|最近怎么样|吃了吗)?"
                    + TRAILING);

    private Greeting() {
    }

    static boolean is(String message) {
        return message != null && message.length() <= 40 && ONLY_GREETING.matcher(message).matches();
    }
}

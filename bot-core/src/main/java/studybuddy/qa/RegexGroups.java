package studybuddy.qa;

import java.util.regex.Matcher;

/** Reading a match of a pattern whose alternatives each capture the same thing in a group of their own. */
final class RegexGroups {

    private RegexGroups() {
    }

    /** What the first group that took part in the match captured ("step 3" → "3", "第二步" → "二", "35岁" → "35"). */
    static String first(Matcher m) {
        for (int group = 1; group <= m.groupCount(); group++) {
            String captured = m.group(group);
            if (captured != null) {
                return captured;
            }
        }
        throw new IllegalStateException("no group took part in the match \"" + m.group() + "\"");
    }
}

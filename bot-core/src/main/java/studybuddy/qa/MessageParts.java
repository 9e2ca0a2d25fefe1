package studybuddy.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a message into the questions it asks ("CS50 or Helsinki? And how long?", "要学啥数学，另外去哪学MLOps"): at a
 * question or exclamation mark followed by more text (not by "or …", "还是…": the other side of one question), at a semicolon, and at words that open a new question
 * ("and how…", "另外", "还有"). Whether the parts are really separate questions is for the caller to judge.
 */
final class MessageParts {
    private static final GuardedPattern CUT = GuardedPattern.compile(
            "(?<=[?？!！;；])(?![?？!！;；])\\s*+(?!还是|或者|或是|or\\b)"
                    + "|,?\\s+(?:and|also|plus|btw|\\+|&)\\s*,?\\s+(?=(?:how|what|which|where|when|why|should|do|does|is|are|can|will|would)\\b)"
                    // numbered questions: "Q1: … Q2: …", "1. … 2. …", "①…②…" (not "2.5 h": a digit may not follow)
                    + "|[:：]?\\s*(?<![\\p{L}\\p{N}.#])(?:(?:Q\\d{1,2}|\\d)\\s?[.、:：)）](?![\\d.])|Q\\d{1,2}\\s)\\s*|[①②③④⑤⑥⑦⑧⑨]\\s*"
                    + "|[,，。]\\s*(?:另外|还有|顺便问一下|顺便问下|顺便问|再问一下|以及|而且)[,，]?"
                    + "|(?:另外|顺便问一下)[,，]"
                    // numbering in words: "一是…，二是…", "第一，…第二，…", "首先…其次…", "firstly, … secondly, …"
                    + "|(?:^|[,，:：;；。?？!！]\\s*)(?:[一二三四五]是|第[一二三四五][,，、:：]|其[一二三][,，、:：]?|首先[,，]?|其次[,，]?|再者[,，]?)"
                    + "|(?:^|[,;:.?!]\\s*)(?:firstly|secondly|thirdly|lastly)\\b,?",
            Pattern.CASE_INSENSITIVE);

    private MessageParts() {
    }

    /** What only announces the questions that follow ("two questions:", "几个问题"). */
    private static final GuardedPattern PREAMBLE = GuardedPattern.compile(
            "^(?:(?:\\w+\\s+){0,3}(?:questions?|qs)|(?:[两二三四几]|\\d)个(?:小)?问题|(?:有|请教|想问|问)?(?:几|两|三)?个?问题|(?:有|请教|想问|问)?(?:几|两|三)(?:点|件事))\\s*[:：]?$",
            Pattern.CASE_INSENSITIVE);

    static List<String> split(String message) {
        List<String> parts = new ArrayList<>();
        for (String p : CUT.split(message)) {
            String part = p.strip();
            if (meaningful(part) && !PREAMBLE.matcher(part).matches()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Enough to be a question of its own: two words, or three Chinese characters. */
    private static boolean meaningful(String part) {
        long han = part.codePoints().filter(Character::isIdeographic).count();
        long words = part.split("[^\\p{L}\\p{N}]+").length;
        return han >= 3 || (han == 0 && words >= 2) || (han > 0 && words >= 2);
    }
}

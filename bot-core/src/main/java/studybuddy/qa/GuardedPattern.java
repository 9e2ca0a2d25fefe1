package studybuddy.qa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression guarded by the literals any of its matches must contain: "\\bhow (?:long|many weeks)\\b" cannot
 * match a text without "how " (or without "long" or "many weeks"), so a text that holds none of them is not scanned.
 * The Q&A reads every message against hundreds of such patterns, each tried by {@link Pattern} at every position, and
 * nearly all of them fail: that was two thirds of its CPU. The check is a lookup in a small bit set of the text's
 * characters and character pairs, then {@code indexOf}, on the text folded to lower case once (ASCII, as the patterns'
 * case-insensitive flag folds), so a case-sensitive pattern is guarded as well, only less tightly.
 * <p>
 * The literals are read off the regex conservatively (what cannot be read with certainty guards nothing), and a test
 * checks on every message of the question sets that guarded and plain patterns find the same.
 */
final class GuardedPattern {
    private static final List<GuardedPattern> ALL = new CopyOnWriteArrayList<>();
    private static final Pattern NEVER = Pattern.compile("(?!)");
    private static final ThreadLocal<Folded> LAST = new ThreadLocal<>();

    private final Pattern pattern;
    /** One of these is in every match (lower case); null when the regex guarantees none worth checking. */
    private final String[] literals;
    private final long[][] masks;
    /**
     * For {@link #find}: the top-level alternatives, each guarded by its own literals (those without any in one
     * pattern); a long list of alternatives where one lacks literals guards nothing as a whole, but most of its
     * alternatives still can be skipped. Null when the regex is one alternative or was not read.
     */
    private final List<GuardedPattern> alternatives;

    private GuardedPattern(Pattern pattern, List<String> literals, List<GuardedPattern> alternatives) {
        this.pattern = pattern;
        this.literals = literals == null ? null : literals.toArray(String[]::new);
        this.masks = literals == null ? null : literals.stream().map(GuardedPattern::maskOf).toArray(long[][]::new);
        this.alternatives = alternatives;
    }

    static GuardedPattern compile(String regex) {
        return compile(regex, 0);
    }

    static GuardedPattern compile(String regex, int flags) {
        Pattern pattern = Pattern.compile(regex, flags);
        RequiredLiterals.Reading reading = RequiredLiterals.read(regex, flags);
        GuardedPattern p = new GuardedPattern(pattern, reading == null ? null : reading.whole(),
                reading == null ? null : alternatives(reading, flags));
        ALL.add(p);
        return p;
    }

    private static List<GuardedPattern> alternatives(RequiredLiterals.Reading reading, int flags) {
        if (reading.alternatives().size() < 2) {
            return null;
        }
        List<GuardedPattern> parts = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (RequiredLiterals.Alternative a : reading.alternatives()) {
            if (a.literals() == null) {
                unguarded.add("(?:" + a.regex() + ")");
            } else {
                parts.add(new GuardedPattern(Pattern.compile(a.regex(), flags), a.literals(), null));
            }
        }
        if (!unguarded.isEmpty()) {
            parts.add(new GuardedPattern(Pattern.compile(String.join("|", unguarded), flags), null, null));
        }
        return List.copyOf(parts);
    }

    /** Every guarded pattern compiled so far (for the test that compares them with the plain ones). */
    static List<GuardedPattern> all() {
        return Collections.unmodifiableList(ALL);
    }

    Pattern pattern() {
        return pattern;
    }

    /** The literals one of which every match contains, or null when unguarded. */
    List<String> literals() {
        return literals == null ? null : List.of(literals);
    }

    /** A matcher of the pattern, or one that finds nothing when the text lacks every literal a match needs. */
    Matcher matcher(CharSequence text) {
        return mayMatch(text) ? pattern.matcher(text) : NEVER.matcher(text);
    }

    /** Whether the pattern occurs in the text ({@code matcher(text).find()}, reading only the alternatives that can). */
    boolean find(CharSequence text) {
        if (alternatives == null || !(text instanceof String)) {
            return mayMatch(text) && pattern.matcher(text).find();
        }
        if (!mayMatch(text)) {
            return false; // the union of the alternatives' literals first: one look rejects most messages at once
        }
        for (GuardedPattern a : alternatives) {
            if (a.mayMatch(text) && a.pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    boolean mayMatch(CharSequence text) {
        if (literals == null || !(text instanceof String s)) {
            return true;
        }
        Folded folded = fold(s);
        for (int i = 0; i < literals.length; i++) {
            long[] m = masks[i];
            if ((m[0] & folded.mask[0]) == m[0] && (m[1] & folded.mask[1]) == m[1] && (m[2] & folded.mask[2]) == m[2]
                    && (m[3] & folded.mask[3]) == m[3] && folded.lower.contains(literals[i])) {
                return true;
            }
        }
        return false;
    }

    String[] split(CharSequence text) {
        return pattern.split(text);
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    /** A text in lower case and the bit set of its characters and pairs, kept for the next pattern read on it. */
    private record Folded(String text, String lower, long[] mask) {
    }

    private static Folded fold(String s) {
        Folded last = LAST.get();
        if (last != null && last.text == s) {
            return last;
        }
        String lower = lowerAscii(s);
        Folded f = new Folded(s, lower, maskOf(lower));
        LAST.set(f);
        return f;
    }

    static String lowerAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    char d = chars[j];
                    if (d >= 'A' && d <= 'Z') {
                        chars[j] = (char) (d + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** 256 bits: one per character and one per pair of neighbours, hashed. */
    private static long[] maskOf(String s) {
        long[] mask = new long[4];
        for (int i = 0; i < s.length(); i++) {
            set(mask, s.charAt(i) * 0x9E3779B1);
            if (i > 0) {
                set(mask, (s.charAt(i - 1) * 31 + s.charAt(i)) * 0x85EBCA6B);
            }
        }
        return mask;
    }

    private static void set(long[] mask, int hash) {
        int bit = (hash ^ (hash >>> 16)) & 255;
        mask[bit >>> 6] |= 1L << (bit & 63);
    }

    /**
     * Reads a regex (java.util.regex syntax) for literals one of which any match must contain. Conservative: a
     * construct it does not read with certainty (an escape it does not know, comments mode, quoting) guards nothing.
     */
    static final class RequiredLiterals {
        /** Below this weight (a Latin letter 1, a Chinese character 2) a literal rejects too few texts to be worth it. */
        private static final int MIN_WEIGHT = 2;

        private final String regex;
        private int pos;
        /** How deep in groups the reading is; inline flags met at depth 0 are noted in {@link #topFlags}. */
        private int depth;
        private StringBuilder topFlags;
        /** Whether the last atom read had a quantifier. */
        private boolean quantified;

        private RequiredLiterals(String regex) {
            this.regex = regex;
        }

        static List<String> of(String regex, int flags) {
            Reading r = read(regex, flags);
            return r == null ? null : r.whole();
        }

        /**
         * The regex's top-level alternatives, each with its literals (null: none worth checking), and the whole
         * pattern's; null when the regex is not read with certainty. An alternative's text is prefixed with the inline
         * flags set at the top level before it ("a(?s)b|c": DOTALL holds in "c" too).
         */
        static Reading read(String regex, int flags) {
            if ((flags & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.UNICODE_CASE | Pattern.CANON_EQ)) != 0) {
                return null;
            }
            try {
                RequiredLiterals reader = new RequiredLiterals(regex);
                List<Alternative> alternatives = new ArrayList<>();
                Set<String> union = new LinkedHashSet<>();
                boolean guarded = true;
                StringBuilder flagsSoFar = new StringBuilder();
                while (true) {
                    int start = reader.pos;
                    String flagsBefore = flagsSoFar.toString();
                    reader.topFlags = flagsSoFar;
                    Set<String> one = reader.sequence();
                    List<String> literals = one == null ? null : new ArrayList<>(one);
                    alternatives.add(new Alternative(flagsBefore + regex.substring(start, reader.pos), literals));
                    if (one == null) {
                        guarded = false;
                    } else {
                        union.addAll(one);
                    }
                    if (reader.pos < regex.length() && regex.charAt(reader.pos) == '|') {
                        reader.pos++;
                    } else {
                        break;
                    }
                }
                if (reader.pos != regex.length()) {
                    return null;
                }
                return new Reading(guarded ? new ArrayList<>(union) : null, alternatives);
            } catch (Unreadable e) {
                return null;
            }
        }

        record Alternative(String regex, List<String> literals) {
        }

        record Reading(List<String> whole, List<Alternative> alternatives) {
        }

        private static final class Unreadable extends RuntimeException {
            Unreadable() {
                super(null, null, false, false);
            }
        }

        private Set<String> alternation() {
            Set<String> union = new LinkedHashSet<>();
            boolean guarded = true;
            while (true) {
                Set<String> one = sequence();
                if (one == null) {
                    guarded = false;
                } else if (guarded) {
                    union.addAll(one);
                }
                if (pos < regex.length() && regex.charAt(pos) == '|') {
                    pos++;
                } else {
                    return guarded ? union : null;
                }
            }
        }

        /** The best set among the sequence's literal runs and required groups; null when none is worth it. */
        private Set<String> sequence() {
            Set<String> best = null;
            StringBuilder run = new StringBuilder();
            while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
                char c = regex.charAt(pos);
                int literal = -1; // the character the atom matches, when it is one literal character
                Set<String> group = null;
                if (c == '\\') {
                    literal = escape();
                } else if (c == '[') {
                    skipClass();
                } else if (c == '(') {
                    group = group();
                } else if (c == '.' || c == '^' || c == '$') {
                    pos++;
                } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                    throw new Unreadable(); // a quantifier with nothing before it
                } else if (Character.isSurrogate(c)) {
                    throw new Unreadable(); // a quantifier after it would apply to both halves
                } else {
                    literal = c;
                    pos++;
                }
                int min = quantifier();
                if (literal >= 0 && min >= 1) {
                    run.append(lowerAscii((char) literal));
                    if (quantified) { // "ab+c": "ab" is in every match, "abc" is not
                        best = better(best, run);
                        run.setLength(0);
                    }
                } else {
                    best = better(best, run);
                    run.setLength(0);
                    if (group != null && min >= 1) {
                        best = better(best, group);
                    }
                }
            }
            return better(best, run);
        }

        private static char lowerAscii(char c) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }

        /** Reads a quantifier after an atom, if any: the least number of times the atom occurs (1 without one). */
        private int quantifier() {
            quantified = false;
            if (pos >= regex.length()) {
                return 1;
            }
            char c = regex.charAt(pos);
            int min;
            if (c == '?' || c == '*') {
                min = 0;
                pos++;
            } else if (c == '+') {
                min = 1;
                pos++;
            } else if (c == '{') {
                int close = regex.indexOf('}', pos);
                if (close < 0) {
                    throw new Unreadable();
                }
                String inside = regex.substring(pos + 1, close);
                String low = inside.contains(",") ? inside.substring(0, inside.indexOf(',')) : inside;
                if (!low.matches("\\d+") || !inside.matches("\\d+(?:,\\d*)?")) {
                    throw new Unreadable();
                }
                min = Integer.parseInt(low);
                pos = close + 1;
            } else {
                return 1;
            }
            quantified = true;
            if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
                pos++; // lazy or possessive
            }
            return min;
        }

        private Set<String> better(Set<String> best, CharSequence run) {
            if (run.length() == 0) {
                return best;
            }
            return better(best, Set.of(run.toString()));
        }

        private static Set<String> better(Set<String> best, Set<String> candidate) {
            int weight = weight(candidate);
            if (weight < MIN_WEIGHT) {
                return best;
            }
            if (best == null) {
                return candidate;
            }
            int bestWeight = weight(best);
            return weight > bestWeight || weight == bestWeight && candidate.size() < best.size() ? candidate : best;
        }

        /** The weight of the lightest literal of the set. */
        private static int weight(Set<String> literals) {
            int min = Integer.MAX_VALUE;
            for (String s : literals) {
                int w = 0;
                for (int i = 0; i < s.length(); i++) {
                    w += s.charAt(i) < 0x80 ? 1 : 2;
                }
                min = Math.min(min, w);
            }
            return min;
        }

        /** A group; its literals when it consumes text (not a look-around or a flag setting). */
        private Set<String> group() {
            pos++; // (
            boolean lookaround = false;
            if (regex.startsWith("?", pos)) {
                if (regex.startsWith("?:", pos) || regex.startsWith("?>", pos)) {
                    pos += 2;
                } else if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) {
                    pos += 2;
                    lookaround = true;
                } else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) {
                    pos += 3;
                    lookaround = true;
                } else if (regex.startsWith("?<", pos)) {
                    int close = regex.indexOf('>', pos);
                    if (close < 0) {
                        throw new Unreadable();
                    }
                    pos = close + 1; // a named group
                } else {
                    // inline flags: "(?i)", "(?s)", "(?i:...)"; comments mode or Unicode case would change the reading
                    int end = pos + 1;
                    while (end < regex.length() && "imsdu-xUc".indexOf(regex.charAt(end)) >= 0) {
                        end++;
                    }
                    String flags = regex.substring(pos + 1, end);
                    if (flags.contains("x") || flags.contains("u") || flags.contains("U") || end >= regex.length()) {
                        throw new Unreadable();
                    }
                    if (regex.charAt(end) == ')') {
                        if (depth == 0 && topFlags != null) {
                            topFlags.append(regex, pos - 1, end + 1);
                        }
                        pos = end + 1;
                        return null; // zero-width
                    }
                    if (regex.charAt(end) != ':') {
                        throw new Unreadable();
                    }
                    pos = end + 1;
                }
            }
            depth++;
            Set<String> inside = alternation();
            depth--;
            if (pos >= regex.length() || regex.charAt(pos) != ')') {
                throw new Unreadable();
            }
            pos++;
            return lookaround ? null : inside;
        }

        /** Skips a character class, nested ones included. */
        private void skipClass() {
            int nesting = 0;
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                if (c == '\\') {
                    escape(); // reads past the escape whatever it is
                    continue;
                }
                if (c == '[') {
                    nesting++;
                    pos++;
                    if (regex.startsWith("^", pos)) {
                        pos++;
                    }
                    if (regex.startsWith("]", pos)) {
                        throw new Unreadable(); // "[]...]": not worth reading right
                    }
                    continue;
                }
                pos++;
                if (c == ']' && --nesting == 0) {
                    return;
                }
            }
            throw new Unreadable();
        }

        /** Reads an escape: the character when it stands for one literal character, -1 otherwise. */
        private int escape() {
            if (pos + 1 >= regex.length()) {
                throw new Unreadable();
            }
            char c = regex.charAt(pos + 1);
            pos += 2;
            if (!Character.isLetterOrDigit(c)) {
                return c;
            }
            switch (c) {
                case 'b', 'B', 'A', 'z', 'Z', 'G', 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 'R', 'X', 't',
                        'n', 'r', 'f', 'a', 'e' -> {
                    return -1;
                }
                case 'p', 'P' -> {
                    if (regex.startsWith("{", pos)) {
                        int close = regex.indexOf('}', pos);
                        if (close < 0) {
                            throw new Unreadable();
                        }
                        pos = close + 1;
                    } else {
                        pos++;
                    }
                    return -1;
                }
                case 'u' -> {
                    pos += 4;
                    return -1;
                }
                default -> throw new Unreadable(); // \x, \0, \c, \k, \N, \Q, back references: not read here
            }
        }
    }
}

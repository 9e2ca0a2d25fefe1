package studybuddy.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the closest known word to a mistyped one, and the key=value keys nobody declared. */
public final class Suggest {
    private Suggest() {
    }

    /** The known word closest to what was typed, if it is a plausible typo (about one edit in three letters). */
    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, t.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(t, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance > 0 && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Keys of {@code key=value} words in free text that are not among the known keys. */
    public static List<String> unknownKeys(String freeText, Collection<String> knownKeys) {
        List<String> unknown = new ArrayList<>();
        if (freeText == null) {
            return unknown;
        }
        for (String token : CommandLine.tokenize(freeText)) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                String key = token.substring(0, eq).toLowerCase(Locale.ROOT);
                if (!knownKeys.contains(key)) {
                    unknown.add(token.substring(0, eq));
                }
            }
        }
        return unknown;
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit ("roadmpa"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

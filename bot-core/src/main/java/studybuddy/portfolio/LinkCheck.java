package studybuddy.portfolio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a link to a learner's work before it is kept and shown to their group: a web address (http or https)
 * with a host, at most {@link #MAX_LENGTH} characters, nothing a chat client would run or render as something else.
 * "github.com/me/repo" and "www.example.com" get https:// in front.
 */
public final class LinkCheck {
    public static final int MAX_LENGTH = 500;
    // "www.example.com…" or "example.com/path": a bare "fast.ai" stays a unit's name
    private static final Pattern BARE_DOMAIN = Pattern.compile(
            "(?i)^(www\\.[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/\\S*)?|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}/\\S*)$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** Why a link was refused (a message key of the portfolio bundle). */
    public enum Problem { TOO_LONG, NOT_WEB, INVALID }

    public sealed interface Result {
    }

    public record Valid(String url) implements Result {
    }

    public record Invalid(Problem problem) implements Result {
    }

    private LinkCheck() {
    }

    /** Whether a word of a message looks like an attempt at a link (so it is checked rather than read as a unit). */
    public static boolean looksLikeLink(String token) {
        String t = token.strip();
        return SCHEME.matcher(t).find() && !t.matches("(?i)^[a-z0-9-]+:[0-9]+$") || BARE_DOMAIN.matcher(t).matches();
    }

    public static Result check(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.length() > MAX_LENGTH) {
            return new Invalid(Problem.TOO_LONG);
        }
        if (s.isEmpty() || s.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch)
                || ch == '<' || ch == '>' || ch == '"' || ch == '`')) {
            return new Invalid(Problem.INVALID);
        }
        if (!SCHEME.matcher(s).find()) {
            if (!BARE_DOMAIN.matcher(s).matches()) {
                return new Invalid(Problem.INVALID);
            }
            s = "https://" + s;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            return new Invalid(Problem.INVALID);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Invalid(Problem.NOT_WEB); // javascript:, data:, file:, ftp: …
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || !host.contains(".") && !host.contains(":")) {
            return new Invalid(Problem.INVALID);
        }
        if (uri.getUserInfo() != null) {
            return new Invalid(Problem.INVALID); // https://trusted.com@evil.example/ misleads the reader
        }
        return s.length() > MAX_LENGTH ? new Invalid(Problem.TOO_LONG) : new Valid(s);
    }
}

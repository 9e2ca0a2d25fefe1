package studybuddy.storage;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the database is: a server named by {@code DATABASE_URL} (+ {@code DATABASE_USER}, {@code DATABASE_PASSWORD}),
 * or, without it, an embedded PostgreSQL whose data lives under {@code STUDYBUDDY_HOME} (default ~/.study-buddy).
 * Accepts JDBC URLs and the common {@code postgres://user:pass@host:port/db} form.
 */
public record DatabaseSettings(Optional<String> jdbcUrl, String user, String password, Path home) {

    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        Path home = Optional.ofNullable(env.get("STUDYBUDDY_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".study-buddy"));
        String url = env.get("DATABASE_URL");
        String user = env.getOrDefault("DATABASE_USER", "");
        String password = env.getOrDefault("DATABASE_PASSWORD", "");
        if (url == null || url.isBlank()) {
            return new DatabaseSettings(Optional.empty(), user, password, home);
        }
        url = url.strip();
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                String[] parts = userInfo.split(":", 2);
                if (user.isEmpty()) {
                    user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                }
                if (password.isEmpty() && parts.length > 1) {
                    password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
                }
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            url = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        } else if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must be a PostgreSQL address such as jdbc:postgresql://localhost:5432/studybuddy "
                            + "or postgres://user:password@localhost:5432/studybuddy");
        }
        return new DatabaseSettings(Optional.of(url), user, password, home);
    }

    /** The URL without credentials, safe to log. */
    public String describe() {
        return jdbcUrl.map(u -> u.replaceAll("(?i)(password=)[^&]*", "$1***"))
                .orElse("embedded PostgreSQL in " + home.resolve("pgdata"));
    }
}

package studybuddy.telegram;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram adapter's settings, read from the environment.
 *
 * @param token              the bot token ({@code TELEGRAM_BOT_TOKEN}); never logged
 * @param apiUrl             the Bot API server ({@code TELEGRAM_API_URL}, default https://api.telegram.org)
 * @param webhookUrl         the public HTTPS address Telegram posts updates to ({@code TELEGRAM_WEBHOOK_URL});
 *                           empty for long polling
 * @param webhookSecret      the secret every webhook request must carry ({@code TELEGRAM_WEBHOOK_SECRET},
 *                           generated when absent)
 * @param webhookPort        the local port the webhook server listens on ({@code TELEGRAM_WEBHOOK_PORT}, 8080)
 * @param pollTimeoutSeconds long-polling timeout of getUpdates (50 s in production, short in tests)
 * @param workerThreads      threads handling updates ({@code TELEGRAM_WORKER_THREADS}, 8)
 */
public record TelegramConfig(String token, TelegramUrl apiUrl, Optional<URI> webhookUrl, String webhookSecret,
                             int webhookPort, int pollTimeoutSeconds, int workerThreads) {

    private static final Pattern TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]{30,}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public TelegramConfig {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new InvalidConfigException("TELEGRAM_BOT_TOKEN is malformed: it must look like "
                    + "123456789:AAE... as given by @BotFather.");
        }
        if (webhookSecret == null || !SECRET.matcher(webhookSecret).matches()) {
            throw new InvalidConfigException("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -.");
        }
    }

    /** Reads the settings; throws {@link InvalidConfigException} with one clear sentence when one is wrong. */
    public static TelegramConfig fromEnvironment(Map<String, String> env) {
        String token = value(env, "TELEGRAM_BOT_TOKEN");
        if (token == null) {
            throw new InvalidConfigException("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and "
                    + "export its token as TELEGRAM_BOT_TOKEN.");
        }
        TelegramUrl api = Optional.ofNullable(value(env, "TELEGRAM_API_URL"))
                .map(TelegramConfig::apiUrl).orElse(TelegramUrl.DEFAULT_URL);
        Optional<URI> webhook = Optional.ofNullable(value(env, "TELEGRAM_WEBHOOK_URL")).map(TelegramConfig::webhookUrl);
        String secret = Optional.ofNullable(value(env, "TELEGRAM_WEBHOOK_SECRET")).orElseGet(TelegramConfig::newSecret);
        int port = intValue(env, "TELEGRAM_WEBHOOK_PORT", 8080, 0, 65535);
        int threads = intValue(env, "TELEGRAM_WORKER_THREADS", 8, 1, 256);
        return new TelegramConfig(token, api, webhook, secret, port, 50, threads);
    }

    /** A copy for tests: another API server, a short polling timeout. */
    public TelegramConfig withApiUrl(TelegramUrl url, int pollTimeout) {
        return new TelegramConfig(token, url, webhookUrl, webhookSecret, webhookPort, pollTimeout, workerThreads);
    }

    public TelegramConfig withWebhook(URI url, String secret, int port) {
        return new TelegramConfig(token, apiUrl, Optional.of(url), secret, port, pollTimeoutSeconds, workerThreads);
    }

    /** A random secret of 48 characters from the alphabet Telegram allows. */
    public static String newSecret() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 48; i++) {
            s.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
        }
        return s.toString();
    }

    /** The token with its secret part hidden, for messages that must name the bot. */
    public String tokenId() {
        return token.substring(0, token.indexOf(':'));
    }

    @Override
    public String toString() {
        return "TelegramConfig[bot " + tokenId() + ", api " + apiUrl.getSchema() + "://" + apiUrl.getHost() + ":"
                + apiUrl.getPort() + ", " + webhookUrl.map(u -> "webhook " + u).orElse("long polling") + "]";
    }

    static TelegramUrl apiUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("TELEGRAM_API_URL is not a valid address: use e.g. https://api.telegram.org.");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw new InvalidConfigException("TELEGRAM_API_URL must be http(s)://host[:port] without a path, "
                    + "e.g. https://api.telegram.org or http://localhost:8081.");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    static URI webhookUrl(String value) {
        try {
            URI uri = URI.create(value);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null || "http".equals(uri.getScheme())
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidConfigException("TELEGRAM_WEBHOOK_URL must be the public https:// address Telegram posts "
                + "updates to, e.g. https://bot.example.com/telegram.");
    }

    /** The path the webhook server serves (the path of the public URL, "/" when it has none). */
    public String webhookPath() {
        return webhookUrl.map(URI::getPath).filter(p -> !p.isEmpty()).orElse("/");
    }

    private static String value(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int intValue(Map<String, String> env, String key, int fallback, int min, int max) {
        String v = value(env, key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigException(key + " must be a whole number from " + min + " to " + max + ".");
    }

    /** A setting is missing or wrong; the message is one sentence for the operator. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }
}

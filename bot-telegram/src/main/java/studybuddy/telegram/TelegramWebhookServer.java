package studybuddy.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives updates in webhook mode on a small JDK HTTP server. Every request must carry the secret registered with
 * setWebhook in {@code X-Telegram-Bot-Api-Secret-Token}: missing → 401, wrong → 403, logged and never processed.
 * Accepted updates are handed on at once (Telegram waits for the 200, so no work happens on the request thread).
 */
public final class TelegramWebhookServer implements AutoCloseable {
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final int MAX_BODY = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookServer.class);

    private final HttpServer server;
    private final ExecutorService threads;
    private final byte[] secret;
    private final Consumer<Update> updates;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TelegramWebhookServer(HttpServer server, String path, String secret, Consumer<Update> updates) {
        this.server = server;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.updates = updates;
        this.threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "telegram-webhook");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext(path, this::handle);
    }

    /** Starts listening on the address; {@code path} is the path of the public webhook URL. */
    public static TelegramWebhookServer start(InetSocketAddress address, String path, String secret,
                                              Consumer<Update> updates) throws IOException {
        TelegramWebhookServer s = new TelegramWebhookServer(HttpServer.create(address, 64), path, secret, updates);
        s.server.start();
        log.info("Telegram webhook server listening on port {} at {}", s.port(), path);
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405);
                return;
            }
            String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (given == null) {
                log.warn("Rejected a webhook request from {} without the secret token header (401)",
                        exchange.getRemoteAddress());
                respond(exchange, 401);
                return;
            }
            if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                log.warn("Rejected a webhook request from {} with a wrong secret token (403)", exchange.getRemoteAddress());
                respond(exchange, 403);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                log.warn("Rejected a webhook request of over {} bytes (413)", MAX_BODY);
                respond(exchange, 413);
                return;
            }
            Update update;
            try {
                update = json.readValue(body, Update.class);
            } catch (IOException e) {
                // Acknowledged anyway: Telegram would otherwise resend the same unreadable update forever.
                log.warn("Ignored an unreadable webhook update ({} bytes): {}", body.length, e.getMessage().lines().findFirst().orElse(""));
                respond(exchange, 200);
                return;
            }
            try {
                updates.accept(update);
            } catch (RuntimeException e) {
                log.error("Could not queue webhook update {}: {}", update.getUpdateId(), e.toString(), e);
            }
            respond(exchange, 200);
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }
}

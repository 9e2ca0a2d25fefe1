package studybuddy.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.platform.HealthCheck;

/**
 * Receives updates in webhook mode on a small JDK HTTP server. Every request must carry the secret registered with
 * setWebhook in {@code X-Telegram-Bot-Api-Secret-Token}: missing → 401, wrong → 403, logged and never processed.
 * An accepted update is written to the inbox before the 200 (the handling happens elsewhere); while the database is
 * away it is held in memory and answered 503, so that Telegram delivers it again should this instance die.
 */
public final class TelegramWebhookServer implements HealthCheck, AutoCloseable {
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final int MAX_BODY = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookServer.class);

    private final HttpServer server;
    private final ExecutorService threads;
    private final byte[] secret;
    private final TelegramPoller.Sink updates;
    private volatile boolean closed;

    private TelegramWebhookServer(HttpServer server, String path, String secret, TelegramPoller.Sink updates) {
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
                                              TelegramPoller.Sink updates) throws IOException {
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
            JsonNode update;
            try {
                update = TelegramUpdates.JSON.readTree(body);
            } catch (IOException e) {
                // Acknowledged anyway: Telegram would otherwise resend the same unreadable update forever.
                log.warn("Ignored an unreadable webhook update ({} bytes): {}", body.length, e.getMessage().lines().findFirst().orElse(""));
                respond(exchange, 200);
                return;
            }
            boolean durable;
            try {
                durable = updates.accept(update);
            } catch (RuntimeException e) {
                log.error("Could not store webhook update {}; Telegram will send it again: {}", update.path("update_id"),
                        e.toString(), e);
                durable = false;
            }
            respond(exchange, durable ? 200 : 503);
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public String name() {
        return "telegram";
    }

    /** Healthy while the server listens (a quiet webhook is normal: silence says nothing here). */
    @Override
    public boolean healthy() {
        return !closed;
    }

    @Override
    public String detail() {
        return closed ? "webhook server stopped" : "webhook server listening on port " + port();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(1);
        threads.shutdownNow();
    }
}

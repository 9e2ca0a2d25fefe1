package studybuddy.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.platform.HealthCheck;

/**
 * The operator's HTTP port (JDK HttpServer, no framework): {@code /health/live} (the process answers),
 * {@code /health/ready} (every registered {@link HealthCheck} passes: 200, else 503, one line per check) and
 * {@code /metrics} (Prometheus text). Off unless {@code STUDYBUDDY_HTTP_PORT} is set; the image sets it.
 */
public final class OpsServer implements AutoCloseable {
    public static final String PORT_VARIABLE = "STUDYBUDDY_HTTP_PORT";
    public static final String HOST_VARIABLE = "STUDYBUDDY_HTTP_HOST";
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

    private final HttpServer server;
    private final ExecutorService threads;
    private volatile boolean stopping;

    private OpsServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts the server when the environment asks for it ({@code STUDYBUDDY_HTTP_PORT}, 0 for any free port). */
    public static Optional<OpsServer> fromEnvironment(Map<String, String> env, Supplier<List<HealthCheck>> checks,
                                                      BotMetrics metrics) throws IOException {
        String port = env.getOrDefault(PORT_VARIABLE, "").strip();
        if (port.isEmpty() || port.equals("off")) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_VARIABLE + " must be a port number (or empty for none), not '"
                    + port + "'");
        }
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException(PORT_VARIABLE + " must be between 0 and 65535, not " + number);
        }
        String host = env.getOrDefault(HOST_VARIABLE, "").strip();
        return Optional.of(start(new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, number), checks, metrics));
    }

    public static OpsServer start(InetSocketAddress address, Supplier<List<HealthCheck>> checks, BotMetrics metrics)
            throws IOException {
        metrics.bindJvm();
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        });
        OpsServer ops = new OpsServer(server, threads);
        server.setExecutor(threads);
        server.createContext("/health/live", ex -> ops.respond(ex, 200, "text/plain", "alive\n"));
        server.createContext("/health/ready", ex -> ops.ready(ex, checks.get()));
        server.createContext("/metrics", ex -> ops.respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                metrics.scrape()));
        server.createContext("/", ex -> ops.respond(ex, 404, "text/plain",
                "Not found. Try /health/live, /health/ready or /metrics\n"));
        server.start();
        log.info("Health and metrics on http://{}:{} (/health/live, /health/ready, /metrics)",
                address.getHostString(), server.getAddress().getPort());
        return ops;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** From now on readiness fails (the process is stopping), before the port itself closes. */
    public void stopping() {
        stopping = true;
    }

    private void ready(HttpExchange exchange, List<HealthCheck> checks) throws IOException {
        StringBuilder body = new StringBuilder();
        boolean ready = !stopping;
        if (stopping) {
            body.append("stopping\n");
        }
        for (HealthCheck check : checks) {
            boolean healthy;
            String detail;
            try {
                healthy = check.healthy();
                detail = check.detail();
            } catch (RuntimeException e) {
                healthy = false;
                detail = e.toString();
            }
            ready &= healthy;
            body.append(check.name()).append(": ").append(healthy ? "UP" : "DOWN").append(" (").append(detail)
                    .append(")\n");
        }
        body.insert(0, ready ? "ready\n" : "not ready\n");
        respond(exchange, ready ? 200 : 503, "text/plain", body.toString());
    }

    private void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        server.stop(0);
        threads.shutdownNow();
    }
}

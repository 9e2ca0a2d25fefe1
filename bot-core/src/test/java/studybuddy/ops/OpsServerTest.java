package studybuddy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.i18n.Lang;
import studybuddy.platform.HealthCheck;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.reminders.Outbox;
import studybuddy.reminders.OutboxMessage;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** One bot core and server for the class (building a core takes seconds); each test starts connected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean connected = new AtomicBoolean(true);
    private Database db;
    private BotCore core;
    private OpsServer ops;

    @BeforeAll
    void start() throws Exception {
        db = TestDatabase.fresh();
        core = new BotCore(db, Clock.systemUTC());
        core.registerHealthCheck(new HealthCheck() {
            @Override
            public String name() {
                return "telegram";
            }

            @Override
            public boolean healthy() {
                return connected.get();
            }

            @Override
            public String detail() {
                return connected.get() ? "receiving updates" : "no getUpdates answer for 90 s";
            }
        });
        ops = OpsServer.fromEnvironment(Map.of(OpsServer.PORT_VARIABLE, "0", OpsServer.HOST_VARIABLE, "127.0.0.1"),
                core::healthChecks, core.metrics()).orElseThrow();
    }

    @BeforeEach
    void connect() {
        connected.set(true);
    }

    @AfterAll
    void stop() {
        ops.close();
        db.close();
    }

    @Test
    void givenNoPortSet_whenStarting_thenThereIsNoHttpServer() throws Exception {
        assertThat(OpsServer.fromEnvironment(Map.of(), core::healthChecks, core.metrics())).isEmpty();
    }

    @Test
    void givenEveryCheckHealthy_whenAskedForReadiness_then200ListingEachCheck() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).startsWith("ready\n").contains("database: UP (ok)").contains("telegram: UP");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void givenThePlatformDisconnected_whenAskedForReadiness_then503SayingWhat() throws Exception {
        connected.set(false);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).startsWith("not ready").contains("telegram: DOWN (no getUpdates answer for 90 s)")
                .contains("database: UP");
    }

    @Test
    void givenTheProcessStopping_whenAskedForReadiness_then503() throws Exception {
        OpsServer other = OpsServer.start(new java.net.InetSocketAddress("127.0.0.1", 0), core::healthChecks,
                core.metrics());
        try {
            other.stopping();
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port()
                    + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        } finally {
            other.close();
        }
    }

    @Test
    void givenCommandsSendsAndAPendingMessage_whenScraped_thenMetricsShowEachSeries() throws Exception {
        // GIVEN two commands, one send per result, one message waiting in the outbox
        core.dispatcher().handle(Caller.direct("telegram", "501", "Ann", Lang.EN), "/help");
        core.dispatcher().handle(Caller.direct("telegram", "501", "Ann", Lang.EN), "/help");
        MessageSender raw = new MessageSender() {
            int n;

            @Override
            public String platform() {
                return "telegram";
            }

            @Override
            public SendResult send(OutgoingMessage message) {
                return switch (n++) {
                    case 0 -> new SendResult.Sent("1");
                    case 1 -> new SendResult.RetryAfter(Duration.ofSeconds(3));
                    default -> new SendResult.Unreachable("Forbidden: bot was blocked by the user");
                };
            }
        };
        MessageSender metered = core.metrics().metered(raw);
        for (int i = 0; i < 3; i++) {
            metered.send(new OutgoingMessage("telegram", "501", true, studybuddy.command.Reply.text("hi")));
        }
        db.inTransaction(tx -> {
            Outbox.enqueue(tx, java.util.List.of(OutboxMessage.of(
                    new OutgoingMessage("telegram", "501", true, studybuddy.command.Reply.text("reminder")), null,
                    "telegram", "ops-test:1")), java.time.Instant.now().minusSeconds(120));
            return null;
        });
        // WHEN
        String metrics = get("/metrics").body();
        // THEN
        assertThat(metrics)
                .contains("studybuddy_commands_seconds_count{command=\"help\",outcome=\"ok\"} 2")
                .contains("studybuddy_commands_seconds_bucket{command=\"help\",outcome=\"ok\",le=")
                .contains("studybuddy_sends_total{platform=\"telegram\",result=\"sent\"} 1")
                .contains("studybuddy_sends_total{platform=\"telegram\",result=\"429\"} 1")
                .contains("studybuddy_sends_total{platform=\"telegram\",result=\"forbidden\"} 1")
                .contains("studybuddy_outbox_pending 1")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes");
        double age = Double.parseDouble(metrics.lines().filter(l -> l.startsWith("studybuddy_outbox_oldest_pending_age_seconds "))
                .findFirst().orElseThrow().split(" ")[1]);
        assertThat(age).isBetween(100.0, 600.0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

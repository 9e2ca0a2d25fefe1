package studybuddy.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;

/**
 * The bot's Prometheus metrics (Micrometer): commands by name and outcome with latency histograms, sends by
 * platform and result, sweep duration, outbox depth and the age of its oldest pending message, the HikariCP pool
 * and the JVM. One per {@link studybuddy.BotCore}; {@link #scrape()} is what {@code /metrics} serves.
 */
public final class BotMetrics {
    private static final Logger log = LoggerFactory.getLogger(BotMetrics.class);
    /** The outbox is counted at most this often, however often Prometheus scrapes. */
    private static final Duration OUTBOX_CACHE = Duration.ofSeconds(5);

    private static final String OUTBOX_SQL = """
            select count(*), min(created_at)
              from outbox
             where status = 'pending'
            """;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer sweeps;
    private final Clock clock;
    private boolean jvmBound;
    private volatile OutboxSnapshot outbox = new OutboxSnapshot(Double.NaN, Double.NaN, Instant.MIN);

    private record OutboxSnapshot(double pending, double oldestAgeSeconds, Instant takenAt) {
    }

    public BotMetrics(Database database, Clock clock) {
        this.clock = clock;
        database.bindMetrics(registry);
        this.sweeps = Timer.builder("studybuddy.sweep").description("One run of the clustered sweep")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("studybuddy.outbox.pending", () -> outbox(database).pending())
                .description("Outbox messages not yet sent (due or waiting for a retry)").register(registry);
        Gauge.builder("studybuddy.outbox.oldest.pending.age", () -> outbox(database).oldestAgeSeconds())
                .description("Age of the oldest pending outbox message (0 when none)").baseUnit("seconds")
                .register(registry);
    }

    /** Adds the JVM's own metrics (memory, GC, threads, CPU, uptime): once, by the process that serves them. */
    public synchronized void bindJvm() {
        if (!jvmBound) {
            jvmBound = true;
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new JvmGcMetrics().bindTo(registry); // GC listeners live as long as the process, as the server does
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    /** Records one handled command: its name, how it ended ({@code ok}, {@code refused}, {@code failed}), its time. */
    public void commandCompleted(String command, String outcome, Duration took) {
        Timer.builder("studybuddy.commands").description("Commands handled, by name and outcome")
                .tag("command", command).tag("outcome", outcome).publishPercentileHistogram()
                .register(registry).record(took);
    }

    /** Wraps a sweep so each run is timed. */
    public Runnable timedSweep(Runnable sweep) {
        return () -> sweeps.record(sweep);
    }

    /** Counts what the platform said to each send through {@code raw}: sent, 429, forbidden or failed. */
    public MessageSender metered(MessageSender raw) {
        // every result's series exists from the start (at 0), so a rate over it never starts from nothing
        java.util.Map<String, Counter> results = new java.util.HashMap<>();
        for (String result : java.util.List.of("sent", "429", "forbidden", "failed")) {
            results.put(result, Counter.builder("studybuddy.sends")
                    .description("Messages handed to a platform, by what it answered")
                    .tag("platform", raw.platform()).tag("result", result).register(registry));
        }
        return new MessageSender() {
            @Override
            public String platform() {
                return raw.platform();
            }

            @Override
            public SendResult send(OutgoingMessage message) {
                SendResult result = raw.send(message);
                String name = result instanceof SendResult.Sent ? "sent"
                        : result instanceof SendResult.RetryAfter ? "429"
                        : result instanceof SendResult.Unreachable ? "forbidden" : "failed";
                results.get(name).increment();
                return result;
            }
        };
    }

    private OutboxSnapshot outbox(Database database) {
        OutboxSnapshot last = outbox;
        Instant now = clock.instant();
        if (Duration.between(last.takenAt(), now).compareTo(OUTBOX_CACHE) < 0) {
            return last;
        }
        OutboxSnapshot fresh;
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(OUTBOX_SQL)) {
            ps.setQueryTimeout(2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                fresh = new OutboxSnapshot(rs.getLong(1), age, now);
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not count the outbox for the metrics: {}", e.toString());
            fresh = new OutboxSnapshot(Double.NaN, Double.NaN, now);
        }
        outbox = fresh;
        return fresh;
    }
}

package studybuddy.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.platform.HealthCheck;

/**
 * Long polling under our control: getUpdates is read as raw JSON (so one unreadable update cannot stop polling),
 * every update goes to the sink, and the offset, which confirms updates to Telegram, moves only past updates the
 * sink made durable (written to the inbox): a crash loses nothing, Telegram hands the rest out again.
 *
 * <p>A watchdog restarts the polling loop when it died or has not had an answer for longer than the silence limit,
 * logging why; {@link #healthy()} says whether polling answers (for readiness).
 */
final class TelegramPoller implements HealthCheck, AutoCloseable {
    /** Receives each update; returns false when it is only held in memory (not to be confirmed yet). */
    interface Sink {
        boolean accept(JsonNode update);
    }

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final int LIMIT = 100;
    private static final Duration HELD_PAUSE = Duration.ofSeconds(1);

    private final URI uri;
    private final int timeoutSeconds;
    private final Sink sink;
    private final Duration silenceLimit;
    private final LongSupplier nanos;
    private final HttpClient http;
    private final ScheduledExecutorService watchdog;
    /** Updates seen but not durable yet: the offset stays at the lowest. */
    private final TreeSet<Long> held = new TreeSet<>();
    private volatile long offset;
    private long maxSeen = -1;
    private String lastSkipped;
    private volatile long lastAnswer;
    private volatile String problem;
    private volatile boolean running;
    private volatile Thread thread;
    private int generation;
    private int restarts;

    TelegramPoller(TelegramConfig config, Sink sink, Duration silenceLimit, LongSupplier nanos) {
        this.uri = URI.create(config.apiUrl().getSchema() + "://" + config.apiUrl().getHost() + ":"
                + config.apiUrl().getPort() + "/bot" + config.token() + "/getUpdates");
        this.timeoutSeconds = config.pollTimeoutSeconds();
        this.sink = sink;
        this.silenceLimit = silenceLimit;
        this.nanos = nanos;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-poll-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** The longest silence allowed by default: a long poll, plus room for a slow answer. */
    static Duration defaultSilenceLimit(TelegramConfig config) {
        return Duration.ofSeconds(config.pollTimeoutSeconds() + 30L);
    }

    synchronized void start() {
        running = true;
        lastAnswer = nanos.getAsLong();
        startLoop();
        long every = Math.max(1, Math.min(5, silenceLimit.toSeconds() / 3));
        watchdog.scheduleWithFixedDelay(this::check, every, every, TimeUnit.SECONDS);
    }

    private synchronized void startLoop() {
        int gen = ++generation;
        Thread t = new Thread(() -> loop(gen), "telegram-poll-" + gen);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** The watchdog: a dead or silent loop is logged and replaced. */
    synchronized void check() {
        if (!running) {
            return;
        }
        Thread t = thread;
        long silentFor = nanos.getAsLong() - lastAnswer;
        String why = t == null || !t.isAlive() ? "the polling loop stopped"
                : silentFor > silenceLimit.toNanos() ? "no answer from getUpdates for "
                + TimeUnit.NANOSECONDS.toSeconds(silentFor) + " s" : null;
        if (why == null) {
            return;
        }
        restarts++;
        problem = why;
        log.warn("Telegram long polling restarted ({}; restart {})", why, restarts);
        if (t != null) {
            t.interrupt();
        }
        lastAnswer = nanos.getAsLong();
        startLoop();
    }

    private void loop(int gen) {
        while (running && gen == generation) {
            try {
                poll(gen);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!running || gen != generation) {
                    return;
                }
                problem = "getUpdates failed: " + e;
                log.warn("Telegram getUpdates failed; retrying in 2 s: {}", e.toString());
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    private void poll(int gen) throws IOException, InterruptedException {
        ObjectNode body = TelegramUpdates.JSON.createObjectNode().put("offset", offset).put("limit", LIMIT)
                .put("timeout", timeoutSeconds);
        TelegramBot.ALLOWED_UPDATES.forEach(body.putArray("allowed_updates")::add);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds + 15L))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (gen != generation) {
            return; // replaced by the watchdog while waiting: the new loop polls
        }
        JsonNode answer;
        try {
            answer = TelegramUpdates.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("unreadable answer (HTTP " + response.statusCode() + ")", e);
        }
        if (!answer.path("ok").asBoolean(false)) {
            int code = answer.path("error_code").asInt(response.statusCode());
            problem = "Telegram refused getUpdates: " + code + " " + answer.path("description").asText("");
            if (code == 409) {
                // Only one poller per bot: another instance polls, or a webhook is set. Run one instance, or webhooks.
                problem = "another instance polls this bot, or a webhook is set (409)";
            }
            log.error("Telegram refused getUpdates ({} {}); retrying in {} s", code,
                    answer.path("description").asText(""), code == 429 ? answer.path("parameters")
                            .path("retry_after").asInt(5) : 5);
            sleep(Duration.ofSeconds(code == 429 ? Math.max(1, answer.path("parameters").path("retry_after").asInt(5)) : 5));
            return;
        }
        lastAnswer = nanos.getAsLong();
        problem = null;
        synchronized (held) {
            accept(answer.path("result"));
        }
    }

    private void accept(JsonNode updates) {
        long next = offset;
        boolean fresh = false;
        for (JsonNode update : updates) {
            var id = TelegramUpdates.updateId(update);
            if (id.isEmpty()) {
                // Telegram never sends this, but one such update must not stop everyone's: it cannot be confirmed
                // on its own, the next readable one confirms it.
                String shown = abbreviate(update.toString());
                if (!shown.equals(lastSkipped)) {
                    log.warn("Skipped a Telegram update without an update_id: {}", shown);
                    lastSkipped = shown;
                }
                continue;
            }
            long updateId = id.get();
            fresh |= updateId > maxSeen;
            maxSeen = Math.max(maxSeen, updateId);
            boolean durable;
            try {
                durable = sink.accept(update);
            } catch (RuntimeException e) {
                log.error("Telegram update {} could not be taken in; asking for it again: {}", updateId, e.toString(), e);
                durable = false;
            }
            if (durable) {
                held.remove(updateId);
            } else {
                held.add(updateId);
            }
            next = Math.max(next, updateId + 1);
        }
        offset = held.isEmpty() ? next : Math.min(next, held.first());
        if (!fresh && !updates.isEmpty()) {
            // Waiting for the database (or an unreadable update): Telegram answers at once while updates stay
            // unconfirmed, so pace the polls.
            sleep(HELD_PAUSE);
        }
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public boolean healthy() {
        Thread t = thread;
        return running && t != null && t.isAlive() && problem == null
                && nanos.getAsLong() - lastAnswer <= silenceLimit.toNanos();
    }

    @Override
    public String detail() {
        if (!running) {
            return "long polling stopped";
        }
        String p = problem;
        long ago = TimeUnit.NANOSECONDS.toSeconds(nanos.getAsLong() - lastAnswer);
        return p != null ? "long polling: " + p : "long polling: last answer " + ago + " s ago"
                + (restarts > 0 ? ", restarted " + restarts + " times" : "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            generation++;
            t = thread;
        }
        watchdog.shutdownNow();
        if (t != null) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

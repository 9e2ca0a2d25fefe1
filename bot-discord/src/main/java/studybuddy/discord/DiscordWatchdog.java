package studybuddy.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.platform.HealthCheck;

/**
 * Watches the gateway connections: every event of a shard (heartbeat acknowledgements included) counts as a sign of
 * life. A shard silent or not connected for longer than the limit is logged and restarted; {@link #healthy()} is
 * true while every shard is connected and alive (for readiness).
 */
public final class DiscordWatchdog implements EventListener, HealthCheck, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordWatchdog.class);

    private final Duration silenceLimit;
    private final LongSupplier nanos;
    private final Map<Integer, Long> lastSign = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> restarts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile ShardManager shards;

    /** @param silenceLimit how long a shard may stay silent (Discord heartbeats every ~41 s) */
    public DiscordWatchdog(Duration silenceLimit, LongSupplier nanos) {
        this.silenceLimit = silenceLimit;
        this.nanos = nanos;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "discord-gateway-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** The default limit: three heartbeats missed. */
    public static DiscordWatchdog standard() {
        return new DiscordWatchdog(Duration.ofSeconds(150), System::nanoTime);
    }

    /** Starts watching the shards, checking every few seconds. */
    public DiscordWatchdog watch(ShardManager shardManager) {
        this.shards = shardManager;
        long now = nanos.getAsLong();
        for (JDA jda : shardManager.getShards()) {
            lastSign.putIfAbsent(jda.getShardInfo().getShardId(), now);
        }
        long every = Math.max(1, Math.min(10, silenceLimit.toSeconds() / 3));
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void onEvent(GenericEvent event) {
        lastSign.put(event.getJDA().getShardInfo().getShardId(), nanos.getAsLong());
    }

    /** Restarts every shard silent or disconnected beyond the limit; returns the ids restarted. */
    synchronized List<Integer> check() {
        ShardManager manager = shards;
        List<Integer> restarted = new ArrayList<>();
        if (manager == null) {
            return restarted;
        }
        long now = nanos.getAsLong();
        for (JDA jda : manager.getShards()) {
            int id = jda.getShardInfo().getShardId();
            long silent = now - lastSign.getOrDefault(id, now);
            if (silent > silenceLimit.toNanos()) {
                int n = restarts.merge(id, 1, Integer::sum);
                log.warn("Discord shard {} silent for {} s (status {}); restarting its gateway session (restart {})",
                        id, TimeUnit.NANOSECONDS.toSeconds(silent), jda.getStatus(), n);
                lastSign.put(id, now);
                try {
                    ShardRestart.restart(manager, id);
                } catch (RuntimeException e) {
                    log.error("Restarting Discord shard {} failed: {}", id, e.toString());
                }
                restarted.add(id);
            }
        }
        return restarted;
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public boolean healthy() {
        return problem() == null;
    }

    @Override
    public String detail() {
        String p = problem();
        return p != null ? p : "gateway: " + lastSign.size() + " shard(s) connected"
                + (restarts.isEmpty() ? "" : ", restarted " + restarts.values().stream().mapToInt(i -> i).sum() + " times");
    }

    private String problem() {
        ShardManager manager = shards;
        if (manager == null) {
            return "gateway not started";
        }
        long now = nanos.getAsLong();
        for (JDA jda : manager.getShards()) {
            int id = jda.getShardInfo().getShardId();
            if (jda.getStatus() != JDA.Status.CONNECTED) {
                return "shard " + id + " is " + jda.getStatus();
            }
            long silent = now - lastSign.getOrDefault(id, now);
            if (silent > silenceLimit.toNanos()) {
                return "shard " + id + " silent for " + TimeUnit.NANOSECONDS.toSeconds(silent) + " s";
            }
        }
        return null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package studybuddy.discord;

import java.lang.reflect.Field;
import java.util.concurrent.Future;
import net.dv8tion.jda.api.sharding.DefaultShardManager;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts one shard, working around a race in JDA's {@link DefaultShardManager} (6.x): {@code login()} submits its
 * queue worker outside the queue lock, so when the worker finds the queue empty and clears its own reference before
 * {@code login()} stores it, the manager keeps a finished worker forever and every later {@code restart(id)} only
 * queues the shard: it never connects again. Before restarting, a finished worker left behind is released (under the
 * same lock JDA uses), so the restart starts a fresh one.
 */
final class ShardRestart {
    private static final Logger log = LoggerFactory.getLogger(ShardRestart.class);
    private static final Field QUEUE = field("queue");
    private static final Field WORKER = field("worker");

    private ShardRestart() {
    }

    static void restart(ShardManager manager, int shardId) {
        if (manager instanceof DefaultShardManager jdaManager) {
            releaseFinishedWorker(jdaManager);
        }
        manager.restart(shardId);
    }

    /** @return whether a finished worker was left behind (and is now released) */
    static boolean releaseFinishedWorker(DefaultShardManager manager) {
        if (QUEUE == null || WORKER == null) {
            return false;
        }
        try {
            Object queue = QUEUE.get(manager);
            synchronized (queue) {
                if (WORKER.get(manager) instanceof Future<?> worker && worker.isDone()) {
                    WORKER.set(manager, null);
                    log.info("Discord shard manager held a finished start-up worker; released it so the restart runs");
                    return true;
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            log.warn("Could not check the Discord shard manager's start-up worker ({}); restarting as is", e.toString());
        }
        return false;
    }

    private static Field field(String name) {
        try {
            Field f = DefaultShardManager.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("JDA's DefaultShardManager has no field '{}' any more; shard restarts rely on JDA alone", name);
            return null;
        }
    }
}

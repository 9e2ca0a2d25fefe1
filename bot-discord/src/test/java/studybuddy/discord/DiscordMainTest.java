package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.Test;

class DiscordMainTest {

    @Test
    void shutdownLetsRunningInteractionsAnswerBeforeTheShardsGoDown() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        ShardManager shards = (ShardManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ShardManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("shutdown") && (args == null || args.length == 0)) {
                        order.add("shards down");
                    }
                    return null;
                });
        ExecutorService executor = Executors.newFixedThreadPool(1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        executor.execute(() -> {
            running.countDown();
            try {
                stopping.await(5, TimeUnit.SECONDS);
                Thread.sleep(300); // the core is still working on an interaction when the stop begins
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("interaction answered"); // through the shards' REST queue
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        DiscordMain.shutdownSequence(() -> order.add("readiness down"), () -> {
            order.add("core stopped");
            stopping.countDown();
        }, executor, shards::shutdown, () -> order.add("database closed")).run();

        assertThat(order).containsExactly("readiness down", "core stopped", "interaction answered", "shards down", "database closed");
    }
}

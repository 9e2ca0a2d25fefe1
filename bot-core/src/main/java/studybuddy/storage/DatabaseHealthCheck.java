package studybuddy.storage;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import studybuddy.platform.HealthCheck;

/**
 * Readiness of the database: {@code select 1} through the pool, bounded by a timeout (the pool itself would wait
 * up to its connection timeout). A check still running when the next one comes is waited on, never piled up.
 */
final class DatabaseHealthCheck implements HealthCheck {
    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-health");
        t.setDaemon(true);
        return t;
    });
    private Future<?> running;
    private volatile String detail = "not checked yet";

    DatabaseHealthCheck(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public synchronized boolean healthy() {
        if (running == null || running.isDone()) {
            running = runner.submit(() -> {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                    s.execute("select 1");
                }
                return null;
            });
        }
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            detail = "ok";
            return true;
        } catch (TimeoutException e) {
            detail = "no answer within " + timeout.toSeconds() + " s";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String m = String.valueOf(cause.getMessage());
            detail = m.lines().findFirst().orElse(m);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail = "interrupted";
        }
        return false;
    }

    @Override
    public String detail() {
        return detail;
    }
}

package studybuddy.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the PostgreSQL driver sent for some work on the calling thread, read from pgjdbc's own protocol log (FINEST):
 * the statements it executed (BEGIN and COMMIT apart) and the round trips (one Sync each). The benchmark counts
 * statements on the server (pg_stat_statements), which a test's shared server does not load.
 */
public final class RoundTrips {
    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    /**
     * @param statements  statements executed, BEGIN and COMMIT not counted (a COMMIT sent with a statement neither)
     * @param roundTrips  waits for the server: one per Sync message
     * @param sql         the statements' text, in order (a statement the driver had prepared before shows as "…")
     */
    public record Count(int statements, int roundTrips, List<String> sql) {
    }

    private RoundTrips() {
    }

    /** Runs the work with the driver's protocol log on, and counts what this thread sent. */
    public static synchronized Count of(Runnable work) {
        long thread = Thread.currentThread().getId();
        List<String> messages = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLongThreadID() == thread && record.getMessage() != null) {
                    String m = record.getMessage();
                    if (record.getParameters() != null) {
                        m = java.text.MessageFormat.format(m, record.getParameters());
                    }
                    synchronized (messages) {
                        messages.add(m.strip());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = DRIVER.getLevel();
        boolean parents = DRIVER.getUseParentHandlers();
        handler.setLevel(Level.ALL);
        DRIVER.addHandler(handler);
        DRIVER.setUseParentHandlers(false);
        DRIVER.setLevel(Level.FINEST);
        try {
            work.run();
        } finally {
            DRIVER.setLevel(level);
            DRIVER.setUseParentHandlers(parents);
            DRIVER.removeHandler(handler);
        }
        int executes = 0;
        int syncs = 0;
        int transactionControl = 0;
        List<String> sql = new ArrayList<>();
        synchronized (messages) {
            for (String m : messages) {
                if (m.startsWith("FE=> Execute(")) {
                    executes++;
                } else if (m.startsWith("FE=> Sync")) {
                    syncs++;
                } else if (m.startsWith("FE=> Parse(")) {
                    String query = m.replaceFirst("(?s)^FE=> Parse\\(stmt=[^,]*,query=\"", "").replaceFirst("(?s)\",oids=.*$", "");
                    String upper = query.strip().toUpperCase(java.util.Locale.ROOT);
                    if (upper.equals("BEGIN") || upper.equals("COMMIT") || upper.equals("ROLLBACK")) {
                        transactionControl++;
                    } else {
                        sql.add(query);
                    }
                }
            }
        }
        return new Count(executes - transactionControl, syncs, sql);
    }
}

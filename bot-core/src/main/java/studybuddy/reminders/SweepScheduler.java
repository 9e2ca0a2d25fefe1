package studybuddy.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.storage.Database;

/**
 * Quartz, clustered on PostgreSQL (JobStoreTX + PostgreSQLDelegate, tables from migration V2), firing one sweep
 * job every {@code interval}. The job is @DisallowConcurrentExecution, so across all instances one sweep runs at
 * a time; per-learner state stays in our tables, not in one trigger per learner.
 *
 * <p>Connections: a custom {@link ConnectionProvider} over our {@link Database}'s HikariCP pool rather than
 * Quartz's {@code HikariCpPoolingConnectionProvider}: one pool and one set of credentials per process (no second
 * pool to size and configure), the same PostgreSQL settings as the rest of the bot, and tests get Quartz on their
 * fresh database for free. The pool is sized for Quartz's few threads plus the bot's own work.
 */
public final class SweepScheduler implements AutoCloseable {
    public static final String SCHEDULER_NAME = "study-buddy";
    static final String CONTEXT_KEY = "studybuddy.sweep";
    private static final JobKey JOB = JobKey.jobKey("sweep", "study-buddy");
    private static final TriggerKey TRIGGER = TriggerKey.triggerKey("sweep", "study-buddy");
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();
    private static final Logger log = LoggerFactory.getLogger(SweepScheduler.class);

    private final Scheduler scheduler;

    /** The job Quartz runs: calls the {@link Runnable} in the scheduler context. */
    @DisallowConcurrentExecution
    public static final class SweepJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                Runnable sweep = (Runnable) context.getScheduler().getContext().get(CONTEXT_KEY);
                if (sweep != null) {
                    sweep.run();
                }
            } catch (SchedulerException | RuntimeException e) {
                throw new JobExecutionException(e);
            }
        }
    }

    public SweepScheduler(Database db, Runnable sweep, Duration interval) {
        String dataSource = "studybuddy" + DATA_SOURCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return db.connection();
            }

            @Override
            public void shutdown() {
                // the Database owns the pool and closes it
            }

            @Override
            public void initialize() {
            }
        });
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "15000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            this.scheduler = factory.getScheduler();
            scheduler.getContext().put(CONTEXT_KEY, sweep);
            JobDetail job = JobBuilder.newJob(SweepJob.class).withIdentity(JOB).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB).startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            if (!scheduler.checkExists(JOB)) {
                try {
                    scheduler.scheduleJob(job, trigger);
                } catch (ObjectAlreadyExistsException e) {
                    // another instance of the cluster created it first
                }
            } else {
                Trigger existing = scheduler.getTrigger(TRIGGER);
                if (existing == null || !(existing instanceof org.quartz.SimpleTrigger st)
                        || st.getRepeatInterval() != interval.toMillis()) {
                    scheduler.rescheduleJob(TRIGGER, trigger);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not set up the Quartz scheduler on PostgreSQL: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
            log.info("Sweep scheduler {} started (clustered Quartz on PostgreSQL)", scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    public Scheduler quartz() {
        return scheduler;
    }

    /** Stops firing; waits for a running sweep to finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Quartz did not shut down cleanly: {}", e.getMessage());
        }
    }
}

package studybuddy.platform;

/**
 * One thing readiness depends on (the database, a platform connection): the health endpoint reports every
 * registered check, and the bot is ready only when all of them are healthy.
 */
public interface HealthCheck {
    /** A short name an operator reads in the readiness report, e.g. {@code database} or {@code telegram}. */
    String name();

    /** Whether this part works right now; must be quick and never throw. */
    boolean healthy();

    /** One line saying what is wrong (or what is fine), for the readiness report and the logs. */
    default String detail() {
        return healthy() ? "ok" : "unhealthy";
    }
}

package studybuddy.storage;

import java.sql.SQLException;

/** An unexpected database error (the database refused a statement or went away). */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}

package studybuddy.storage;

/** The database cannot be reached or started; its message is one sentence saying what to do. */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

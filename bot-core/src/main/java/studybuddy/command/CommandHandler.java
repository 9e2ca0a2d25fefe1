package studybuddy.command;

/** Handles one command. Must not throw for bad user input: reply with a clear message instead. */
@FunctionalInterface
public interface CommandHandler {
    Reply handle(CommandRequest request);

    /**
     * Marks a handler that only reads: the dispatcher runs it in a read-only transaction, so it commits nothing
     * (and a write slipping in later fails loudly instead of going unnoticed).
     */
    static CommandHandler readOnly(CommandHandler handler) {
        return new ReadOnly(handler);
    }

    /** A handler that only reads (see {@link #readOnly}). */
    record ReadOnly(CommandHandler delegate) implements CommandHandler {
        @Override
        public Reply handle(CommandRequest request) {
            return delegate.handle(request);
        }
    }
}

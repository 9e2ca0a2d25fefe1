package studybuddy.command;

/** Handles one command. Must not throw for bad user input: reply with a clear message instead. */
@FunctionalInterface
public interface CommandHandler {
    Reply handle(CommandRequest request);
}

package studybuddy.console;

import java.io.PrintStream;
import org.jline.reader.LineReader;

/** Where a console session writes: replies to what was typed, and messages pushed while the user may be typing. */
public interface ConsoleOutput {
    /** A reply, printed after the line the user just entered. */
    void reply(String text);

    /** A message the bot sends on its own (a reminder, a check-in), at any moment. */
    void pushed(String text);

    /** Scripted: plain lines on a stream. */
    static ConsoleOutput of(PrintStream out) {
        return new ConsoleOutput() {
            @Override
            public void reply(String text) {
                synchronized (out) {
                    out.println(text);
                    out.println();
                    out.flush();
                }
            }

            @Override
            public void pushed(String text) {
                synchronized (out) {
                    out.println();
                    out.println(text);
                    out.println();
                    out.flush();
                }
            }
        };
    }

    /**
     * Interactive: a pushed message is printed above the prompt and the half-typed line is redrawn below it
     * (JLine's printAbove), so nothing the user is typing is lost or mixed into the message.
     */
    static ConsoleOutput of(LineReader reader) {
        return new ConsoleOutput() {
            @Override
            public void reply(String text) {
                synchronized (reader) {
                    reader.getTerminal().writer().println(text);
                    reader.getTerminal().writer().println();
                    reader.getTerminal().flush();
                }
            }

            @Override
            public void pushed(String text) {
                synchronized (reader) {
                    reader.printAbove(text + "\n");
                }
            }
        };
    }
}

package studybuddy.console;

import java.io.PrintStream;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;

/** Delivers the bot's own messages (reminders, weekly goals) into the console session. */
public final class ConsoleSender implements MessageSender {
    private final PrintStream out;

    public ConsoleSender(PrintStream out) {
        this.out = out;
    }

    @Override
    public String platform() {
        return ConsoleSession.PLATFORM;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        ConsoleRenderer.Rendered rendered = ConsoleRenderer.render(message.reply());
        synchronized (out) {
            out.println();
            out.println("🔔 " + rendered.text());
            out.println();
            out.flush();
        }
        return new SendResult.Sent(null);
    }
}

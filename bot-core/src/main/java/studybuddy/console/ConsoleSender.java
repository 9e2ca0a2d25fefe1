package studybuddy.console;

import java.io.PrintStream;
import studybuddy.command.InputText;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;

/** Delivers the bot's own messages (reminders, weekly goals, group check-ins) into the console session. */
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
            // Every console user shares this terminal: say who or which group a message is for.
            String to = message.direct() ? "🔔 [to " + message.chatId() + "] " : "📣 [" + message.chatId() + "] ";
            out.println(InputText.clean(to) + rendered.text());
            out.println();
            out.flush();
        }
        return new SendResult.Sent(null);
    }
}

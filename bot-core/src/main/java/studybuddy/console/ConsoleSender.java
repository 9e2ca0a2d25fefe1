package studybuddy.console;

import java.io.PrintStream;
import java.util.List;
import java.util.function.BiConsumer;
import studybuddy.command.InputText;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;

/** Delivers the bot's own messages (reminders, weekly goals, group check-ins) into the console session. */
public final class ConsoleSender implements MessageSender {
    private final PrintStream out;
    private final BiConsumer<String, List<String>> pressable;

    public ConsoleSender(PrintStream out) {
        this(out, (chatId, actions) -> { });
    }

    /**
     * @param pressable told the buttons of each message (by chat), so that the session can let its user press them
     *                  by number, as with its own replies (e.g. a review question's options)
     */
    public ConsoleSender(PrintStream out, BiConsumer<String, List<String>> pressable) {
        this.out = out;
        this.pressable = pressable;
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
        if (!rendered.actions().isEmpty()) {
            pressable.accept(message.chatId(), rendered.actions());
        }
        return new SendResult.Sent(null);
    }
}

package studybuddy.console;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import studybuddy.i18n.Lang;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;

/**
 * Delivers the bot's own messages (reminders, weekly goals, group check-ins) into a console session. With several
 * consoles on one database, each shows what is for its own user and group and leaves the rest, a moment later,
 * to the console they are for (or to the next time that user opens one).
 */
public final class ConsoleSender implements MessageSender {
    /** How soon a message for another console is offered again. */
    static final Duration NOT_MINE = Duration.ofSeconds(3);

    private final ConsoleOutput out;
    private final String user;
    private final String groupChat;
    private final ConsoleChoices choices;
    private final Path files;
    private final Lang lang;

    /** Shows every console message in one terminal, each marked with whom it is for. */
    public ConsoleSender(PrintStream out) {
        this(ConsoleOutput.of(out), null, null, new ConsoleChoices(), null, Lang.EN);
    }

    /**
     * @param user      the console's user (its direct chat), or null to show every message
     * @param groupChat the chat id of the console's group, or null
     */
    public ConsoleSender(ConsoleOutput out, String user, String groupChat, ConsoleChoices choices, Path files, Lang lang) {
        this.out = out;
        this.user = user;
        this.groupChat = groupChat;
        this.choices = choices;
        this.files = files;
        this.lang = lang;
    }

    @Override
    public String platform() {
        return ConsoleSession.PLATFORM;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        boolean mine = user == null || message.chatId().equals(user) || message.chatId().equals(groupChat);
        if (!mine) {
            return new SendResult.RetryAfter(NOT_MINE);
        }
        ConsoleRenderer.Rendered rendered = ConsoleRenderer.render(message.reply(), files, lang);
        String to = message.direct() ? "🔔 " : "📣 [" + ConsoleRenderer.safe(message.chatId()) + "] ";
        if (user == null && message.direct()) {
            to = "🔔 [to " + ConsoleRenderer.safe(message.chatId()) + "] ";
        }
        choices.offer(rendered.actions(), false);
        out.pushed(to + rendered.text());
        return new SendResult.Sent(null);
    }
}

package studybuddy.platform;

/** The port through which the core sends messages on its own. One implementation per platform. */
public interface MessageSender {
    /** The platform this sender delivers to ("telegram", "discord", "console"). */
    String platform();

    /** Sends one message now. Must not throw: every outcome is a {@link SendResult}. */
    SendResult send(OutgoingMessage message);
}

package studybuddy.platform;

/** The port through which the core sends messages on its own. One implementation per platform. */
public interface MessageSender {
    /** The platform this sender delivers to ("telegram", "discord", "console"). */
    String platform();

    /** Sends one message now. Must not throw: every outcome is a {@link SendResult}. */
    SendResult send(OutgoingMessage message);

    /**
     * Sends one message carrying an idempotency key (the same key for every attempt at the same message): a
     * platform that supports one (Discord's nonce with enforce_nonce) drops a repeat; others ignore it.
     */
    default SendResult send(OutgoingMessage message, String idempotencyKey) {
        return send(message);
    }
}

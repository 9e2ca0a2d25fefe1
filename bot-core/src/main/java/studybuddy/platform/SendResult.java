package studybuddy.platform;

import java.time.Duration;

/** What a platform said about one message. */
public sealed interface SendResult {
    /** Accepted by the platform; {@code messageId} when the platform gives one. */
    record Sent(String messageId) implements SendResult {}

    /** Rate limited (HTTP 429): try again after the delay the platform asked for. */
    record RetryAfter(Duration delay) implements SendResult {}

    /** Will never succeed (user blocked the bot, DMs closed, chat gone): stop sending to this chat. */
    record Unreachable(String reason) implements SendResult {}

    /** Failed this time (network, 5xx): retry later with back-off. */
    record Failed(String reason) implements SendResult {}
}

package studybuddy.platform;

import studybuddy.command.Reply;

/**
 * A message the bot sends on its own (a reminder, weekly goals, a group prompt or summary, a review question).
 *
 * @param platform "telegram", "discord" or "console"
 * @param chatId   the chat to post in; for a direct message to a user, their user id with {@code direct} true
 * @param direct   true when the message goes to a user privately (Discord must open a DM channel first)
 * @param reply    what to send
 * @param poll     a quiz for platforms with native quizzes, which send it instead of {@code reply}; others send
 *                 {@code reply} (the same question with a button per option). Null for an ordinary message.
 */
public record OutgoingMessage(String platform, String chatId, boolean direct, Reply reply, Poll poll) {
    public OutgoingMessage(String platform, String chatId, boolean direct, Reply reply) {
        this(platform, chatId, direct, reply, null);
    }
}

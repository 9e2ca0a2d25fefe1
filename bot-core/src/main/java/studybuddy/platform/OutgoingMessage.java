package studybuddy.platform;

import studybuddy.command.Reply;

/**
 * A message the bot sends on its own (a reminder, weekly goals, a group prompt or summary).
 *
 * @param platform "telegram", "discord" or "console"
 * @param chatId   the chat to post in; for a direct message to a user, their user id with {@code direct} true
 * @param direct   true when the message goes to a user privately (Discord must open a DM channel first)
 * @param reply    what to send
 */
public record OutgoingMessage(String platform, String chatId, boolean direct, Reply reply) {
}

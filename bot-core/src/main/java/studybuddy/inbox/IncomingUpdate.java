package studybuddy.inbox;

import studybuddy.command.InputText;

/**
 * An update as it arrived from a platform, cleaned, before it is handled.
 *
 * @param platform "telegram", "discord"
 * @param key      the platform's id of the update (Telegram update_id, Discord interaction id): a re-delivery has
 *                 the same key
 * @param userId   who sent it (null when nobody did), so that their rows can be forgotten
 * @param chatId   where it came from: updates of one chat are handled in order
 * @param payload  the update itself as the adapter will read it back (JSON), control characters already removed
 */
public record IncomingUpdate(String platform, String key, String userId, String chatId, String payload) {
    public IncomingUpdate {
        if (platform == null || key == null || chatId == null || payload == null) {
            throw new IllegalArgumentException("an incoming update needs a platform, a key, a chat and a payload");
        }
        // PostgreSQL refuses NUL in text: whatever the adapter did, nothing unstorable gets this far.
        userId = InputText.clean(userId);
        chatId = InputText.clean(chatId);
        payload = InputText.clean(payload);
    }
}

package studybuddy.inbox;

/** A claimed inbox row, to be handled by its platform's adapter. */
public record InboxEntry(long id, String platform, String key, String userId, String chatId, String payload,
                         int attempts) {
}

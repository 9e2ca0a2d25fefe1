package studybuddy.command;

import studybuddy.i18n.Lang;

/**
 * Who sent a command, and from where, as the adapter saw it.
 *
 * @param platform    "telegram", "discord" or "console"
 * @param userId      the platform's id of the user
 * @param chatId      where the message came from (private chat, group, channel)
 * @param groupChat   true in a group, server channel or thread; false in a private chat / DM
 * @param chatAdmin   true when the platform says the user may change this group's settings
 * @param displayName the user's visible name, for group summaries
 * @param platformLang the language the platform reports for the user (Telegram language_code, Discord locale),
 *                    used until the learner picks one
 */
public record Caller(String platform, String userId, String chatId, boolean groupChat, boolean chatAdmin,
                     String displayName, Lang platformLang) {

    public Caller {
        // Names and ids come from the platform as people typed them (first names, usernames): cleaned once here.
        platform = InputText.clean(platform);
        userId = InputText.clean(userId);
        chatId = InputText.clean(chatId);
        displayName = InputText.clean(displayName);
        if (platform == null || platform.isBlank() || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a caller needs a platform and a user id");
        }
        chatId = chatId == null ? userId : chatId;
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
        platformLang = platformLang == null ? Lang.EN : platformLang;
    }

    /** A private chat with the bot. */
    public static Caller direct(String platform, String userId, String displayName, Lang lang) {
        return new Caller(platform, userId, userId, false, false, displayName, lang);
    }

    /**
     * Whether the bot reads what this caller types here. Not in a Discord server channel: there the bot has no
     * message-content intent and sees only slash commands and components, so replies must not invite typing.
     */
    public boolean readsTypedText() {
        return !(groupChat && "discord".equals(platform));
    }
}

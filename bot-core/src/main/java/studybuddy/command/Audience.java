package studybuddy.command;

/** Where a command makes sense and who may use it. */
public enum Audience {
    /** About the caller themselves: private chats, or ephemeral on a server. */
    PERSONAL,
    /** Anyone in a group (join, check in, status). */
    GROUP,
    /** Changes a group's settings: only the group's admins. */
    GROUP_ADMIN
}

package studybuddy.command;

/** The type of a command option, so that each platform can offer the matching input. */
public enum OptionType { STRING, INTEGER, BOOLEAN, USER, CHANNEL }

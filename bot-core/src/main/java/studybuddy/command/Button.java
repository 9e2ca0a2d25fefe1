package studybuddy.command;

/**
 * A button under a reply. Pressing it sends {@code action} back to the core as if the user had typed it:
 * an action is always a command line such as {@code /done ml-spec-1}, built by {@link ActionCodec}.
 */
public record Button(String label, String action, Style style) {
    public enum Style { PRIMARY, SECONDARY, SUCCESS, DANGER, LINK }

    public Button {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("button label is empty");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("button action is empty");
        }
        style = style == null ? Style.SECONDARY : style;
    }

    public Button(String label, String action) {
        this(label, action, Style.SECONDARY);
    }

    /** A button that opens a web address instead of calling the bot. */
    public static Button link(String label, String url) {
        return new Button(label, url, Style.LINK);
    }

    public boolean isLink() {
        return style == Style.LINK;
    }
}

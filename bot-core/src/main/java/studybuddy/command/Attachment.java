package studybuddy.command;

/** A file sent with a reply, e.g. a PNG chart. */
public record Attachment(String fileName, String mimeType, byte[] data) {
}

package studybuddy.command;

import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file sent with a reply, e.g. a PNG chart. It is either made already or drawn when first read
 * ({@link #drawnOnSend}): a picture is then drawn by whoever sends the reply, after the command's transaction has
 * ended, so drawing never holds a database connection. A drawing that fails leaves the reply without it
 * ({@link Reply#attachments()} skips it) and is logged; the text still goes out.
 */
public final class Attachment {
    private static final Logger log = LoggerFactory.getLogger(Attachment.class);
    private static final byte[] NONE = new byte[0];

    private final String fileName;
    private final String mimeType;
    private Supplier<byte[]> draw;
    private byte[] data;

    public Attachment(String fileName, String mimeType, byte[] data) {
        this.fileName = fileName;
        this.mimeType = mimeType;
        this.data = Objects.requireNonNull(data, "data");
    }

    private Attachment(String fileName, String mimeType, Supplier<byte[]> draw) {
        this.fileName = fileName;
        this.mimeType = mimeType;
        this.draw = draw;
    }

    /** A file drawn the first time someone reads it (and then kept). */
    public static Attachment drawnOnSend(String fileName, String mimeType, Supplier<byte[]> draw) {
        return new Attachment(fileName, mimeType, Objects.requireNonNull(draw, "draw"));
    }

    public String fileName() {
        return fileName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The file's bytes; empty when it was to be drawn and drawing failed. */
    public synchronized byte[] data() {
        if (data == null) {
            try {
                data = Objects.requireNonNull(draw.get(), "drawn data");
            } catch (RuntimeException e) {
                log.error("Could not draw {}; the reply goes out without it: {}", fileName, e.toString(), e);
                data = NONE;
            }
            draw = null;
        }
        return data;
    }

    /** Whether there is something to send (draws it if that is still to do). */
    public boolean available() {
        return data().length > 0;
    }
}

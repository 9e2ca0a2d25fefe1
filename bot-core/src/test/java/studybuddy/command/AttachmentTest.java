package studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttachmentTest {

    @Test
    @DisplayName("A picture drawn on send is drawn when the reply's files are read, and only once")
    void givenDrawnOnSend_whenRepliesFilesRead_thenDrawnOnceThen() {
        // GIVEN
        AtomicInteger draws = new AtomicInteger();
        Reply reply = Reply.text("progress").withAttachment(Attachment.drawnOnSend("p.png", "image/png", () -> {
            draws.incrementAndGet();
            return new byte[] {1, 2, 3};
        }));
        Reply withButtons = reply.withButtons(java.util.List.of());
        // THEN building and copying the reply draws nothing
        assertThat(draws).hasValue(0);
        // WHEN the sender reads it
        byte[] first = withButtons.attachments().get(0).data();
        byte[] again = reply.attachments().get(0).data();
        // THEN
        assertThat(first).containsExactly(1, 2, 3);
        assertThat(again).isSameAs(first);
        assertThat(draws).hasValue(1);
    }

    @Test
    @DisplayName("A drawing that fails leaves the reply with its text and its other files")
    void givenFailingDrawing_whenFilesRead_thenLeftOut() {
        // GIVEN
        Reply reply = Reply.text("progress")
                .withAttachment(Attachment.drawnOnSend("p.png", "image/png", () -> {
                    throw new IllegalStateException("no fonts");
                }))
                .withAttachment(new Attachment("data.json", "application/json", new byte[] {'{', '}'}));
        // WHEN / THEN
        assertThat(reply.attachments()).extracting(Attachment::fileName).containsExactly("data.json");
        assertThat(reply.text()).isEqualTo("progress");
    }
}

package studybuddy.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studybuddy.BotCore;
import studybuddy.command.Attachment;
import studybuddy.command.Button;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** The interactive console on a virtual JLine terminal (an xterm fed from a stream), on a real PostgreSQL. */
class ConsoleTerminalTest {

    @TempDir
    Path home;
    private Database db;
    private BotCore core;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Terminal terminal(java.io.InputStream in, ByteArrayOutputStream out) throws Exception {
        return TerminalBuilder.builder().system(false).streams(in, out).type("xterm-256color")
                .encoding(StandardCharsets.UTF_8).size(new org.jline.terminal.Size(120, 40)).build();
    }

    /** What a person would see: the terminal output without its control sequences. */
    private static String screen(ByteArrayOutputStream out) {
        String raw = out.toString(StandardCharsets.UTF_8);
        return raw.replaceAll("\u001b(\\[[0-9;?]*[ -/]*[@-~]|\\][^\u0007]*\u0007|[()][A-Za-z0-9]|[=>])", "").replace("\r", "");
    }

    private String helpFirstLine() {
        String help = new ConsoleSession(core.dispatcher(), "probe", false).handle("/help").orElseThrow();
        return help.lines().findFirst().orElseThrow();
    }

    @Test
    void givenArrowKeys_whenALineIsEditedAndRecalled_thenTheEditedCommandRunsTwiceAndIsKeptInTheHistory() throws Exception {
        // GIVEN "/hlp", two steps left, "e" inserted, Enter; then Up and Enter
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing, 4096);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path history = home.resolve("history-ada");
        try (Terminal t = terminal(in, out)) {
            LineReader reader = ConsoleSession.lineReader(t, history);
            ConsoleSession session = new ConsoleSession(core.dispatcher(), "ada", null, true, home);
            // the arrow keys as this terminal type sends them (xterm in application mode: ESC O D)
            String left = org.jline.keymap.KeyMap.key(t, org.jline.utils.InfoCmp.Capability.key_left);
            String up = org.jline.keymap.KeyMap.key(t, org.jline.utils.InfoCmp.Capability.key_up);
            List<String> keys = List.of("/", "h", "l", "p", left, left, "e", "\r", up, "\r");
            // WHEN the session reads the keys (typed once it prompts) until the input ends
            Thread running = new Thread(() -> session.run(reader));
            running.start();
            awaitScreen(out, "> ");
            for (String key : keys) { // one key at a time, as a terminal sends them (an arrow is one sequence)
                typing.write(key.getBytes(StandardCharsets.UTF_8));
                typing.flush();
                if (key.equals("\r")) {
                    awaitCount(out, helpFirstLine(), 1);
                }
            }
            awaitCount(out, helpFirstLine(), 2);
            typing.close();
            running.join(20_000);
            ConsoleSession.saveHistory(reader);
        }
        // THEN /help ran twice, no escape code reached the bot, and the line is in the history file
        String screen = screen(out);
        String first = helpFirstLine();
        assertThat(screen.split(java.util.regex.Pattern.quote(first), -1)).hasSize(3);
        assertThat(screen).doesNotContain("OD").doesNotContain("[D").doesNotContain("don't know the command");
        assertThat(Files.readString(history)).contains("/help");
    }

    @Test
    void givenAHalfTypedLine_whenAReminderArrives_thenItIsPrintedAboveAndTheLineIsKept() throws Exception {
        // GIVEN a session reading from a pipe, with "/hel" typed so far
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 4096);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = terminal(in, out)) {
            LineReader reader = ConsoleSession.lineReader(t, home.resolve("history-ada"));
            ConsoleSession session = new ConsoleSession(core.dispatcher(), "ada", null, true, home);
            ConsoleSender sender = session.sender(ConsoleOutput.of(reader));
            Thread running = new Thread(() -> session.run(reader));
            running.start();
            awaitScreen(out, "> ");
            keys.write("/hel".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            awaitScreen(out, "> /hel");
            // WHEN a reminder for this console arrives
            SendResult result = sender.send(new OutgoingMessage("console", "ada", true, Reply.text("⏰ Reminder: stretch")));
            awaitScreen(out, "stretch");
            keys.write("p\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            awaitScreen(out, helpFirstLine());
            keys.close();
            running.join(10_000);
            assertThat(running.isAlive()).isFalse();
            // THEN it was shown, the prompt came back with the half-typed line, and that line ran whole
            String screen = screen(out);
            assertThat(result).isInstanceOf(SendResult.Sent.class);
            int reminder = screen.indexOf("⏰ Reminder: stretch");
            assertThat(reminder).isPositive();
            assertThat(screen.indexOf("> /hel", reminder)).isPositive();
            assertThat(screen).contains(helpFirstLine());
        }
    }

    private static void awaitCount(ByteArrayOutputStream out, String text, int times) throws InterruptedException {
        for (int i = 0; i < 400 && screen(out).split(java.util.regex.Pattern.quote(text), -1).length <= times; i++) {
            Thread.sleep(25);
        }
    }

    private static void awaitScreen(ByteArrayOutputStream out, String text) throws InterruptedException {
        for (int i = 0; i < 200 && !screen(out).contains(text); i++) {
            Thread.sleep(25);
        }
        assertThat(screen(out)).contains(text);
    }

    @Test
    void givenAGroupMessageWithButtons_whenItsNumberIsTyped_thenTheButtonIsPressed() {
        // GIVEN a console in group "ml" that was sent a group message with two buttons
        ConsoleSession session = new ConsoleSession(core.dispatcher(), "ana", "ml", false, home);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSender sender = session.sender(ConsoleOutput.of(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8)));
        sender.send(new OutgoingMessage("console", ConsoleSession.groupChatId("ml"), false,
                Reply.text("📋 Weekly check-in").withButtons(List.of(new Button("Roadmap", "/roadmap"),
                        new Button("Help", "/help")))));
        // WHEN "2" is typed
        String reply = session.handle("2").orElseThrow();
        // THEN it pressed "Help"; the message showed the numbers
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("[1] Roadmap").contains("[2] Help");
        assertThat(reply).contains(helpFirstLine());
    }

    @Test
    void givenChoicesBeingAnswered_whenAPlainReminderArrivesAndThenAReplyWithoutChoices_thenNumbersFollowTheReplies() {
        // GIVEN a reply with choices
        ConsoleChoices choices = new ConsoleChoices();
        choices.offer(List.of("/a", "/b"), true);
        // WHEN a pushed reminder without buttons arrives
        choices.offer(List.of(), false);
        // THEN "2" still presses the reply's second choice
        assertThat(choices.resolve("2")).isEqualTo("/b");
        // WHEN the next reply asks for a number (no choices listed)
        choices.offer(List.of(), true);
        // THEN "2" is just 2
        assertThat(choices.resolve("2")).isEqualTo("2");
    }

    @Test
    void givenMessagesForAnotherConsole_whenSent_thenLeftForItAndNotShownHere() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSession session = new ConsoleSession(core.dispatcher(), "ana", null, false, home);
        ConsoleSender sender = session.sender(ConsoleOutput.of(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8)));
        SendResult result = sender.send(new OutgoingMessage("console", "bob", true, Reply.text("for bob")));
        assertThat(result).isInstanceOf(SendResult.RetryAfter.class);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("for bob");
    }

    @Test
    void givenControlCharactersInTypedText_whenEchoedInAReply_thenTheyAreRemoved() {
        // GIVEN a reminder text with a terminal title sequence, a bell and a clear-screen sequence
        ConsoleSession session = new ConsoleSession(core.dispatcher(), "eve", null, false, home);
        // WHEN the reply echoes it
        String reply = session.handle("/remind tomorrow 7pm \u001b]0;pwned\u0007 hi \u001b[2J there\u202e").orElseThrow();
        // THEN not one control character reaches the terminal, the words do
        assertThat(reply).contains("hi").contains("there").doesNotContain("\u001b").doesNotContain("\u0007")
                .doesNotContain("\u202e");
    }

    @Test
    void givenAReplyWithAChart_whenRendered_thenThePngIsWrittenToAFileWhosePathIsShown() throws Exception {
        // GIVEN
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        Reply reply = Reply.text("📊 Check-ins").withAttachment(new Attachment("checkins.png", "image/png", png));
        // WHEN
        String text = ConsoleRenderer.render(reply, home.resolve("files"), Lang.EN).text();
        // THEN
        String path = text.substring(text.indexOf(": ", text.indexOf("checkins.png saved")) + 2).strip();
        assertThat(Path.of(path)).startsWith(home.resolve("files")).hasBinaryContent(png);
        assertThat(path).endsWith(".png");
    }
}

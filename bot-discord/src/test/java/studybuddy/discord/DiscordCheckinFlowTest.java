package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.groups.StudyGroup;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/**
 * Issue 7 through Discord: a study group's week on the real core and database in virtual time, driven the way the
 * listener drives it (slash commands, buttons, forms through {@link DiscordInteractionRouter}), with the core's own
 * sweep and outbox sending through {@link DiscordMessageSender} (paced by the core) to a recording transport.
 */
class DiscordCheckinFlowTest {
    private static final String CHANNEL = "1200000000000000777";
    private static final String ANA = "700000000000000101";
    private static final String BEN = "700000000000000102";
    private static final String CHEN = "700000000000000103";
    private static final String DAI = "700000000000000104";
    private static final String EVA = "700000000000000105";
    private static final Instant SETUP_AT = Instant.parse("2026-11-27T10:00:00Z");
    // Mondays 18:00 in Berlin (UTC+1 in winter), open 24 h: the nudge at 80 % is 19.2 h later.
    private static final Instant OPENS = Instant.parse("2026-11-30T17:00:00Z");
    private static final Instant NUDGE = Instant.parse("2026-12-01T12:12:00Z");
    private static final Instant CLOSES = Instant.parse("2026-12-01T17:00:00Z");

    /** What the bot posted on its own: where, and the Discord message. */
    record Posted(String chatId, boolean direct, MessageCreateData message) {
        String text() {
            return message.getContent() + message.getEmbeds().stream()
                    .map(e -> e.getDescription() == null ? "" : e.getDescription()).reduce("", String::concat);
        }
    }

    private Database db;
    private MutableClock clock;
    private BotCore core;
    private DiscordInteractionRouter router;
    private final List<Posted> posted = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(8);
        clock = new MutableClock(SETUP_AT);
        core = new BotCore(db, clock);
        router = new DiscordInteractionRouter(core.dispatcher());
        core.registerSender(new DiscordMessageSender((chatId, direct, message) -> {
            posted.add(new Posted(chatId, direct, message));
            return "m" + posted.size();
        }, core.learners()));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Caller inChannel(String user, String name, boolean manageServer) {
        return new Caller("discord", user, CHANNEL, true, manageServer, name, Lang.EN);
    }

    private static Caller inDm(String user, String name) {
        return new Caller("discord", user, user, false, false, name, Lang.EN);
    }

    private void onboard(String user, String name, String zone) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("background", "developer");
        options.put("path", "software");
        options.put("hours", "8");
        options.put("timezone", zone);
        options.put("lang", "en");
        options.put("day", "mon");
        options.put("time", "09:00");
        assertThat(router.slash(inDm(user, name), "start", options).text()).isNotBlank();
    }

    /** One round of the scheduler at time t, as the clustered job would run it, then a second round a bit later. */
    private void runSchedulerAt(Instant t) {
        clock.set(t);
        core.checkins().sweep();
        core.outboxSender().drain();
        // a second instance / round: nothing may happen twice; a second post to one channel waits for its pace
        clock.advance(Duration.ofSeconds(5));
        core.checkins().sweep();
        core.outboxSender().drain();
    }

    /** A member presses the check-in button: the form opens; its submit runs /checkin with the fields. */
    private DiscordResponse checkInThroughForm(Caller caller, String done, String next, String blockers) {
        Modal form = router.modalFor(caller, "/checkin").orElseThrow();
        assertThat(form.getId()).isEqualTo("modal:/checkin");
        assertThat(router.expectsEphemeral(caller, "/checkin")).isEqualTo(caller.groupChat());
        return router.modal(caller, form.getId(), Map.of("done", done, "next", next, "blockers", blockers));
    }

    private void givenGroupOfFive() {
        onboard(ANA, "ana", "Europe/Berlin");
        onboard(BEN, "ben", "Europe/Berlin");
        onboard(CHEN, "chen", "Asia/Shanghai");
        onboard(EVA, "eva", "Europe/Berlin");
        // dai never wrote to the bot privately: her nudge must be a mention in the channel

        Caller admin = inChannel(ANA, "ana", true);
        Map<String, String> setup = Map.of("action", "setup", "day", "mon", "time", "18:00",
                "timezone", "Europe/Berlin", "window", "24");
        assertThat(router.expectsEphemeral(admin, "group", setup)).isFalse();
        DiscordResponse saved = router.slash(admin, "group", setup);
        assertThat(saved.ephemeral()).isFalse();
        assertThat(saved.text()).contains("Weekly check-in set").contains("Europe/Berlin");
        List<Button> join = DiscordInteractionRouterTest.buttons(saved.last());
        assertThat(join).extracting(Button::getCustomId).containsExactly("/group action=join");

        // ben presses the join button under the setup message, the others use the slash command
        assertThat(router.action(inChannel(BEN, "ben", false), join.get(0).getCustomId()).text()).contains("ben joined");
        assertThat(router.slash(inChannel(CHEN, "chen", false), "group", Map.of("action", "join")).text())
                .contains("chen joined");
        assertThat(router.slash(inChannel(DAI, "dai", false), "group", Map.of("action", "join")).text())
                .contains("dai joined");
        assertThat(router.slash(inChannel(EVA, "eva", false), "group", Map.of("action", "join")).text())
                .contains("eva joined");
        DiscordResponse away = router.slash(inChannel(EVA, "eva", false), "away", Map.of("for", "2w"));
        assertThat(away.ephemeral()).isTrue();
        assertThat(away.text()).contains("away until");
    }

    @Test
    @DisplayName("Discord: setup, join, prompt with button → form answers, an edit, away, nudge only the silent, late answer, one summary with its chart")
    void givenDiscordGroupOfFive_whenWeekRuns_thenEachCaseIsInOneSummaryWithChart() throws IOException {
        givenGroupOfFive();

        // WHEN the window opens
        runSchedulerAt(OPENS);
        // THEN the prompt is posted once in the channel, with a check-in button
        assertThat(posted).singleElement().satisfies(p -> {
            assertThat(p.chatId()).isEqualTo(CHANNEL);
            assertThat(p.direct()).isFalse();
            assertThat(p.text()).contains("Weekly check-in is open");
            assertThat(DiscordInteractionRouterTest.buttons(p.message())).extracting(Button::getCustomId)
                    .containsExactly("/checkin");
        });
        posted.clear();

        // WHEN ana and ben press it and answer in the form (privately), and ana edits hers
        clock.set(OPENS.plus(Duration.ofHours(1)));
        DiscordResponse ana = checkInThroughForm(inChannel(ANA, "ana", true), "ML course 2 week 1", "week 2", "none");
        assertThat(ana.ephemeral()).isTrue();
        assertThat(ana.text()).contains("checked in").doesNotContain("late");
        DiscordResponse ben = checkInThroughForm(inChannel(BEN, "ben", false), "finished ML course 1",
                "linear algebra", "GPU quota on Colab @everyone");
        assertThat(ben.text()).contains("checked in").doesNotContain("late");
        clock.set(OPENS.plus(Duration.ofHours(3)));
        DiscordResponse edit = checkInThroughForm(inChannel(ANA, "ana", true), "ML course 2 weeks 1-2", "week 3",
                "none");
        assertThat(edit.ephemeral()).isTrue();
        assertThat(edit.text()).contains("updated");

        // WHEN the nudge time comes
        runSchedulerAt(NUDGE);
        // THEN only the silent are nudged: chen (onboarded) by DM with the button, dai by a mention in the channel
        assertThat(posted).hasSize(2);
        assertThat(posted).filteredOn(Posted::direct).singleElement().satisfies(p -> {
            assertThat(p.chatId()).isEqualTo(CHEN);
            assertThat(DiscordInteractionRouterTest.buttons(p.message())).extracting(Button::getCustomId)
                    .containsExactly("/checkin");
        });
        assertThat(posted).filteredOn(p -> !p.direct()).singleElement().satisfies(p -> {
            assertThat(p.chatId()).isEqualTo(CHANNEL);
            // a real Discord mention, which notifies dai, and nobody else
            assertThat(p.text()).contains("<@" + DAI + ">").doesNotContain("<@" + ANA + ">", "<@" + BEN + ">",
                    "<@" + CHEN + ">", "<@" + EVA + ">");
        });
        posted.clear();

        // WHEN chen presses the button in her DM after the nudge, and writes a note through the note form
        clock.set(NUDGE.plus(Duration.ofHours(2)));
        DiscordResponse chen = checkInThroughForm(inDm(CHEN, "chen"), "CNN notebook", "RNNs", "none");
        assertThat(chen.text()).contains("late");
        Modal note = router.modalFor(inDm(CHEN, "chen"), "/note").orElseThrow();
        assertThat(router.modal(inDm(CHEN, "chen"), note.getId(),
                Map.of("text", "Convolutions share weights, which is why CNNs need so few parameters")).text())
                .startsWith("Noted!");

        // WHEN the window closes, and the scheduler keeps running afterwards
        runSchedulerAt(CLOSES);
        runSchedulerAt(CLOSES.plus(Duration.ofMinutes(1)));
        runSchedulerAt(CLOSES.plus(Duration.ofHours(3)));

        // THEN exactly one summary is posted in the channel: an embed with the chart as its image, and the PNG upload
        assertThat(posted).singleElement().satisfies(p -> {
            assertThat(p.chatId()).isEqualTo(CHANNEL);
            assertThat(p.direct()).isFalse();
            String text = p.text();
            assertThat(text).contains("Weekly check-in summary").contains("3 of 5 checked in");
            assertThat(text).contains("**ana** (edited)").contains("ML course 2 weeks 1-2").doesNotContain("week 1\n");
            assertThat(text).contains("**ben**").contains("finished ML course 1");
            assertThat(text).contains("**chen** (late)");
            assertThat(text).contains("Blockers").contains("ben: GPU quota on Colab");
            assertThat(text).contains("Away**: eva").contains("Not heard from**: dai");
            assertThat(text).contains("Convolutions share weights");
            MessageEmbed embed = p.message().getEmbeds().get(p.message().getEmbeds().size() - 1);
            assertThat(embed.getImage()).isNotNull();
            assertThat(embed.getImage().getUrl()).isEqualTo("attachment://checkins.png");
            assertThat(p.message().getFiles()).singleElement().satisfies(f -> {
                assertThat(f.getName()).isEqualTo("checkins.png");
                assertThat(bytes(f)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'}).hasSizeGreaterThan(1000);
            });
            // a member's "@everyone" repeated in the summary pings nobody
            assertThat(p.message().toData().getObject("allowed_mentions").getArray("parse").toList())
                    .containsExactly("users");
        });
    }

    @Test
    void givenNonAdmin_whenSetupThroughDiscord_thenRefusedPrivatelyAndNothingChanges() {
        givenGroupOfFive();
        Caller ben = inChannel(BEN, "ben", false);
        Map<String, String> setup = Map.of("action", "setup", "day", "fri", "time", "07:00", "timezone", "Asia/Tokyo");
        // deferred privately at once (no public "thinking…"), and refused privately
        assertThat(router.expectsEphemeral(ben, "group", setup)).isTrue();
        assertThat(router.expectsEphemeral(ben, "/group action=pause")).isTrue();
        assertThat(router.expectsEphemeral(ben, "group", Map.of("action", "join"))).isFalse();
        assertThat(router.expectsEphemeral(ben, "group", Map.of("action", "status"))).isFalse();
        DiscordResponse refused = router.slash(ben, "group", setup);
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.text()).contains("Only the group's admins");
        for (String action : List.of("pause", "resume", "off")) {
            DiscordResponse r = router.slash(ben, "group", Map.of("action", action));
            assertThat(r.ephemeral()).as(action).isTrue();
            assertThat(r.text()).as(action).contains("Only the group's admins");
        }
        StudyGroup group = core.groups().findGroup("discord", CHANNEL).orElseThrow();
        assertThat(group.settings().zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(group.settings().day()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(group.status()).isEqualTo(StudyGroup.Status.ACTIVE);
        // status stays open to every member, in public
        DiscordResponse status = router.slash(ben, "group", Map.of("action", "status"));
        assertThat(status.ephemeral()).isFalse();
        assertThat(status.text()).contains("Europe/Berlin");
    }

    private static byte[] bytes(FileUpload f) {
        try (InputStream in = f.getData()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

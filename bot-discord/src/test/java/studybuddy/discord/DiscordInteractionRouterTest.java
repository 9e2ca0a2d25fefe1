package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** Interactions as data → core → Discord responses, against the real core on a real database. */
class DiscordInteractionRouterTest {
    private static Database db;
    private static TestSpecs testSpecs;
    private static DiscordInteractionRouter router;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh(4);
        BotCore core = new BotCore(db, Clock.systemUTC());
        testSpecs = new TestSpecs();
        router = new DiscordInteractionRouter(TestSpecs.dispatcher(db, core.dispatcher().specs(), testSpecs));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Caller onServer(boolean admin) {
        return new Caller("discord", newUser(), "900000000000000001", true, admin, "Ann", Lang.EN);
    }

    private static Caller inDm(Lang lang) {
        String user = newUser();
        return new Caller("discord", user, user, false, false, "Bo", lang);
    }

    private static String newUser() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }

    @Test
    void personalCommandOnAServerIsEphemeralWithAStartButton() {
        Caller caller = onServer(false);
        assertThat(router.expectsEphemeral(caller, "next")).isTrue();
        DiscordResponse r = router.slash(caller, "next", Map.of());
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains("/start");
        assertThat(buttons(r.last())).extracting(Button::getCustomId).containsExactly("/start");
        assertThat(buttons(r.last())).extracting(Button::getStyle).containsExactly(ButtonStyle.PRIMARY);
    }

    @Test
    void sameCommandInADmIsNotEphemeralAndFollowsTheUserLocale() {
        Caller caller = inDm(Lang.ZH);
        assertThat(router.expectsEphemeral(caller, "next")).isFalse();
        DiscordResponse r = router.slash(caller, "next", Map.of());
        assertThat(r.ephemeral()).isFalse();
        assertThat(r.text()).containsPattern("\\p{IsHan}");
    }

    @Test
    void oneLineStartThenNextGivesDoneSkipAndLinkButtonsAndTheButtonMarksDone() {
        Caller caller = inDm(Lang.EN);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("background", "developer");
        options.put("path", "software");
        options.put("hours", "10");
        options.put("timezone", "Europe/Berlin");
        options.put("lang", "en");
        options.put("day", "mon");
        options.put("time", "09:00");
        DiscordResponse started = router.slash(caller, "start", options);
        assertThat(started.text()).isNotBlank();

        DiscordResponse next = router.slash(caller, "next", Map.of());
        List<Button> buttons = buttons(next.last());
        assertThat(buttons).hasSize(3);
        assertThat(buttons.get(0).getCustomId()).startsWith("/done unit=");
        assertThat(buttons.get(0).getStyle()).isEqualTo(ButtonStyle.SUCCESS);
        assertThat(buttons.get(1).getCustomId()).startsWith("/skip unit=");
        assertThat(buttons.get(2).getStyle()).isEqualTo(ButtonStyle.LINK);
        assertThat(buttons.get(2).getUrl()).startsWith("http");

        String unit = buttons.get(0).getCustomId().substring("/done unit=".length());
        DiscordResponse done = router.action(caller, buttons.get(0).getCustomId());
        assertThat(done.ephemeral()).isFalse();
        assertThat(done.text()).isNotBlank();
        assertThat(buttons(done.last())).extracting(Button::getCustomId).doesNotContain("/done unit=" + unit);

        DiscordResponse roadmap = router.slash(caller, "roadmap", Map.of());
        assertThat(roadmap.messages().get(0).getEmbeds()).isNotEmpty();
        assertThat(roadmap.messages().get(0).getEmbeds().get(0).getDescription()).hasSizeLessThanOrEqualTo(4096);
        assertThat(roadmap.messages().get(0).getContent()).isEmpty();

        List<Command.Choice> units = router.autocomplete(caller, "done", "unit", "");
        assertThat(units).isNotEmpty().hasSizeLessThanOrEqualTo(25);
        assertThat(units.get(0).getName()).hasSizeLessThanOrEqualTo(100);
        List<Command.Choice> zones = router.autocomplete(caller, "start", "timezone", "berl");
        assertThat(zones).extracting(Command.Choice::getAsString).contains("Europe/Berlin");
    }

    @Test
    void choicesBecomeButtonsWhoseCustomIdIsTheAction() {
        Caller caller = inDm(Lang.EN);
        DiscordResponse ask = router.slash(caller, "lang", Map.of());
        assertThat(buttons(ask.last())).extracting(Button::getCustomId).containsExactly("/lang lang=en", "/lang lang=zh");
        assertThat(buttons(ask.last())).extracting(Button::getLabel).containsExactly("English", "中文");

        DiscordResponse pressed = router.action(caller, "/lang lang=zh");
        assertThat(pressed.text()).containsPattern("\\p{IsHan}");
    }

    @Test
    void theTextOptionIsTheCoresFreeText() {
        Caller caller = inDm(Lang.EN);
        DiscordResponse r = router.slash(caller, "lang", Map.of("text", "zh"));
        assertThat(r.text()).containsPattern("\\p{IsHan}");
        assertThat(new PostgresLearnerRepository(db).findByPlatformUser("discord", caller.userId()).orElseThrow().lang())
                .isEqualTo(Lang.ZH);
    }

    @Test
    void aMemberWithoutManageServerIsRefusedAServerSettingPrivately() {
        Caller member = onServer(false);
        assertThat(router.expectsEphemeral(member, "settings")).isTrue();
        int before = testSpecs.seen.size();
        DiscordResponse r = router.slash(member, "settings", Map.of("channel", "900000000000000002"));
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains("Only the group's admins can use /settings");
        assertThat(testSpecs.seen).hasSize(before);

        Caller admin = onServer(true);
        assertThat(router.expectsEphemeral(admin, "settings")).isFalse();
        DiscordResponse ok = router.slash(admin, "settings", Map.of("channel", "900000000000000002", "weekly", "true"));
        assertThat(ok.ephemeral()).isFalse();
        assertThat(ok.text()).isEqualTo("Settings saved for <#900000000000000002>");
        assertThat(testSpecs.seen.get(testSpecs.seen.size() - 1).options())
                .containsEntry("weekly", "true").containsEntry("channel", "900000000000000002");
    }

    @Test
    void aFailingHandlerIsAnsweredWithAnApology() {
        DiscordResponse r = router.slash(onServer(false), "boom", Map.of());
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains("something went wrong");
    }

    @Test
    void whenTheCoreItselfThrowsTheRouterStillAnswers() {
        studybuddy.learner.LearnerRepository down = (studybuddy.learner.LearnerRepository) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {studybuddy.learner.LearnerRepository.class},
                        (proxy, method, args) -> {
                            throw new IllegalStateException("database down");
                        });
        DiscordInteractionRouter brokenRouter = new DiscordInteractionRouter(new CommandDispatcher(
                new TestSpecs().specs(), down, new studybuddy.learner.PostgresDialogueRepository(db)));
        DiscordResponse r = brokenRouter.slash(inDm(Lang.ZH), "nosuchcommand", Map.of());
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains("抱歉");
    }

    @Test
    void aCheckinButtonOpensAFormAndItsSubmitRunsTheCommandWithItsOptions() {
        Caller caller = onServer(false);
        Modal modal = router.modalFor(caller, "/checkin").orElseThrow();
        DataObject json = modal.toData();
        assertThat(json.getString("custom_id")).isEqualTo("modal:/checkin");
        String components = json.getArray("components").toString();
        assertThat(components).contains("\"custom_id\":\"done\"").contains("\"custom_id\":\"next\"")
                .contains("\"custom_id\":\"blockers\"");
        assertThat(router.modalFor(caller, "/next")).isEmpty();

        // this channel has no weekly check-in: the core says so, privately
        DiscordResponse r = router.modal(caller, "modal:/checkin",
                Map.of("done", "course 1", "next", "course 2", "blockers", "none"));
        assertThat(r.text()).contains("no weekly check-in yet");
    }

    @Test
    void addALinkAfterDoneOpensAFormWithTheLinkFieldAndItsSubmitKeepsTheLink() {
        Caller caller = inDm(Lang.EN);
        router.slash(caller, "start", Map.of("background", "developer", "path", "software", "hours", "8",
                "timezone", "Europe/Berlin", "lang", "en", "day", "mon", "time", "09:00"));
        DiscordResponse done = router.slash(caller, "done", Map.of("unit", "ml-spec-1"));
        assertThat(done.text()).contains("is marked done");
        String addLink = "/done unit=ml-spec-1 link=ask";
        assertThat(done.last().toData().toString()).contains(addLink);

        Modal modal = router.modalFor(caller, addLink).orElseThrow();
        String components = modal.toData().getArray("components").toString();
        assertThat(components).contains("\"custom_id\":\"link\"").doesNotContain("\"custom_id\":\"text\"")
                .doesNotContain("\"custom_id\":\"unit\"");
        assertThat(router.modalFor(caller, "/done unit=ml-spec-1")).as("plain done buttons stay one click").isEmpty();

        DiscordResponse kept = router.modal(caller, "modal:" + addLink, Map.of("link", "https://github.com/bo/ml1"));
        assertThat(kept.text()).contains("Kept your link").contains("https://github.com/bo/ml1");
    }

    @Test
    void aNoteFormSubmitIsSavedAsTheLearnersNote() {
        Caller caller = onServer(false);
        Modal modal = router.modalFor(caller, "/note").orElseThrow();
        assertThat(modal.toData().getArray("components").toString()).contains("\"custom_id\":\"text\"");
        DiscordResponse r = router.modal(caller, "modal:/note", Map.of("text", "rank is the number of axes"));
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).startsWith("Noted!");
    }

    @Test
    void longRepliesAreSplitAndManyChoicesBecomeASelectMenu() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("line ").append(i).append(" of a long answer\n");
        }
        List<studybuddy.command.Button> choices = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            choices.add(new studybuddy.command.Button("Unit " + i, "/done unit=u" + i));
        }
        Reply reply = Reply.text(text.toString()).withChoices(choices)
                .withButtons(List.of(new studybuddy.command.Button("Skip", "/skip")));
        DiscordResponse r = DiscordRenderer.render(reply, false);
        assertThat(r.messages()).hasSizeGreaterThan(3);
        for (MessageCreateData m : r.messages()) {
            assertThat(m.getContent()).hasSizeLessThanOrEqualTo(2000);
        }
        assertThat(String.join("\n", r.messages().stream().map(MessageCreateData::getContent).toList()))
                .isEqualTo(text.toString().strip());
        assertThat(r.messages().get(0).getComponents()).isEmpty();
        List<MessageTopLevelComponentUnion> rows = r.last().getComponents();
        assertThat(rows).hasSize(2);
        StringSelectMenu menu = (StringSelectMenu) rows.get(0).asActionRow().getComponents().get(0);
        assertThat(menu.getCustomId()).startsWith(DiscordRenderer.CHOICE_MENU);
        assertThat(menu.getOptions()).hasSize(12);
        assertThat(menu.getOptions().get(3).getValue()).isEqualTo("/done unit=u3");
        assertThat(buttons(r.last())).extracting(Button::getCustomId).containsExactly("/skip");
    }

    @Test
    void fewChoicesFillRowsOfFiveButtons() {
        List<studybuddy.command.Button> choices = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            choices.add(new studybuddy.command.Button("Day " + i, "/start day=d" + i));
        }
        DiscordResponse r = DiscordRenderer.render(Reply.text("Which day?").withChoices(choices), false);
        List<MessageTopLevelComponentUnion> rows = r.last().getComponents();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).asActionRow().getComponents()).hasSize(5);
        assertThat(rows.get(1).asActionRow().getComponents()).hasSize(2);
    }

    @Test
    void aButtonDiscordCannotTakeIsDroppedInsteadOfLosingTheWholeReply() {
        List<studybuddy.command.Button> choices = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            choices.add(new studybuddy.command.Button("Unit " + i, "/done unit=u" + i));
        }
        choices.add(new studybuddy.command.Button("Too long", "/done unit=" + "x".repeat(100)));
        Reply reply = Reply.text("Your resources").withChoices(choices).withButtons(List.of(
                new studybuddy.command.Button("Skip", "/skip"),
                new studybuddy.command.Button("Long action", "/skip unit=" + "y".repeat(100)),
                studybuddy.command.Button.link("Paper", "https://example.com/" + "p".repeat(600)),
                studybuddy.command.Button.link("Docs", "https://example.com/docs")));
        DiscordResponse r = DiscordRenderer.render(reply, false);
        assertThat(r.text()).isEqualTo("Your resources");
        StringSelectMenu menu = (StringSelectMenu) r.last().getComponents().get(0).asActionRow().getComponents().get(0);
        assertThat(menu.getOptions()).hasSize(11);
        assertThat(buttons(r.last())).extracting(Button::getLabel).containsExactly("Skip", "Docs");
    }

    static List<Button> buttons(MessageCreateData message) {
        return message.getComponents().stream().map(MessageTopLevelComponentUnion::asActionRow)
                .flatMap(row -> row.getComponents().stream())
                .filter(c -> c instanceof Button).map(c -> (Button) c).toList();
    }

}

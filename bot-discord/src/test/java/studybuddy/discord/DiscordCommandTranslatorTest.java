package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.CommandSpec;
import studybuddy.command.Descriptions;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** Core specs → the slash-command JSON JDA sends to Discord. */
class DiscordCommandTranslatorTest {
    private static Database db;
    private static List<CommandSpec> coreSpecs;
    private static Map<String, DataObject> json;

    @BeforeAll
    static void translate() {
        db = TestDatabase.fresh(2);
        coreSpecs = new BotCore(db, Clock.systemUTC()).dispatcher().specs();
        List<CommandSpec> all = new java.util.ArrayList<>(coreSpecs);
        all.addAll(new TestSpecs().specs());
        json = DiscordCommandTranslator.translate(all).stream().map(SlashCommandData::toData)
                .collect(Collectors.toMap(d -> d.getString("name"), Function.identity()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyCoreCommandBecomesAValidSlashCommandWithAChineseDescription() {
        assertThat(json.keySet()).containsAll(coreSpecs.stream().map(CommandSpec::name).toList());
        for (CommandSpec spec : coreSpecs) {
            DataObject cmd = json.get(spec.name());
            assertThat(cmd.getInt("type")).isEqualTo(1);
            assertThat(cmd.getString("name")).matches("[a-z0-9_-]{1,32}");
            assertThat(cmd.getString("description")).isEqualTo(Descriptions.of(spec, Lang.EN));
            assertThat(cmd.getObject("description_localizations").getString("zh-CN"))
                    .isEqualTo(Descriptions.of(spec, Lang.ZH));
            DataArray options = cmd.getArray("options");
            assertThat(options.length()).isLessThanOrEqualTo(25);
            boolean optionalSeen = false;
            for (int i = 0; i < options.length(); i++) {
                DataObject o = options.getObject(i);
                assertThat(o.getString("name")).matches("[a-z0-9_-]{1,32}");
                assertThat(o.getString("description")).hasSizeBetween(1, 100);
                if (!o.getBoolean("required")) {
                    optionalSeen = true;
                } else {
                    assertThat(optionalSeen).as("required options come first in /" + spec.name()).isFalse();
                }
            }
            assertThat(cmd.getArray("contexts").toList()).containsExactly("0", "1"); // server and bot DM (JDA writes the keys as strings)
            assertThat(cmd.isNull("default_member_permissions")).isTrue();
        }
    }

    @Test
    void startHasTypedOptionsChoicesAutocompleteAndTheTextOption() {
        Map<String, DataObject> options = options("start");
        assertThat(options.keySet()).containsExactly("background", "path", "hours", "timezone", "lang", "day", "time",
                "text");
        assertThat(options.get("background").getInt("type")).isEqualTo(3);
        assertThat(choiceValues(options.get("background")))
                .containsExactly("scratch", "developer", "data-scientist", "quant-student");
        assertThat(choiceValues(options.get("path"))).containsExactly("software", "data");
        assertThat(options.get("hours").getInt("type")).isEqualTo(4);
        assertThat(options.get("timezone").getBoolean("autocomplete")).isTrue();
        assertThat(options.get("timezone").hasKey("choices") && !options.get("timezone").getArray("choices").isEmpty())
                .isFalse();
        assertThat(options.get("text").getInt("type")).isEqualTo(3);
        assertThat(options.get("text").getBoolean("required")).isFalse();
        assertThat(options.get("text").getObject("description_localizations").getString("zh-CN")).contains("补充");
        assertThat(options.get("hours").getObject("description_localizations").getString("zh-CN")).isNotBlank();
    }

    @Test
    void groupIsForEveryMemberButItsAdminOnlyActionsSaySo() {
        DataObject group = json.get("group");
        assertThat(group.opt("default_member_permissions").orElse(null)).as("not hidden: join/status are for all")
                .isNull();
        DataArray choices = options("group").get("action").getArray("choices");
        Map<String, DataObject> byValue = new java.util.LinkedHashMap<>();
        for (int i = 0; i < choices.length(); i++) {
            byValue.put(choices.getObject(i).getString("value"), choices.getObject(i));
        }
        assertThat(byValue.keySet()).containsExactly("status", "setup", "pause", "resume", "off", "join", "leave");
        for (String admin : List.of("setup", "pause", "resume", "off")) {
            assertThat(byValue.get(admin).getString("name")).isEqualTo(admin + " (Manage Server)");
            assertThat(byValue.get(admin).getObject("name_localizations").getString("zh-CN")).contains("管理服务器");
        }
        assertThat(byValue.get("join").getString("name")).isEqualTo("join");
        assertThat(byValue.get("status").getString("name")).isEqualTo("status");
    }

    @Test
    void doneAndSkipAutocompleteTheUnit() {
        assertThat(options("done").get("unit").getBoolean("autocomplete")).isTrue();
        assertThat(options("skip").get("unit").getBoolean("autocomplete")).isTrue();
        assertThat(options("next").keySet()).containsExactly("text");
    }

    @Test
    void linkProjectAndDataCommandsHaveTypedOptions() {
        Map<String, DataObject> link = options("link");
        assertThat(link.keySet()).containsExactly("code", "home", "text");
        assertThat(link.get("code").getInt("type")).isEqualTo(3);
        assertThat(choiceValues(link.get("home"))).containsExactly("telegram", "discord");
        assertThat(choiceValues(options("unlink").get("platform"))).containsExactly("telegram", "discord", "console");
        Map<String, DataObject> project = options("project");
        assertThat(choiceValues(project.get("action"))).containsExactly("status", "start", "done", "drop");
        assertThat(project.get("number").getInt("type")).isEqualTo(4);
        assertThat(project.get("link").getInt("type")).isEqualTo(3);
        assertThat(project.get("title").getObject("description_localizations").getString("zh-CN")).contains("项目");
        assertThat(options("done").get("link").getInt("type")).isEqualTo(3);
        assertThat(options("export").keySet()).containsExactly("text");
        assertThat(options("forget").keySet()).containsExactly("text");
    }

    @Test
    void serverSettingsNeedManageServerAndExistOnlyOnServers() {
        DataObject settings = json.get("settings");
        assertThat(settings.getString("default_member_permissions")).isEqualTo("32"); // MANAGE_SERVER = 1 << 5
        assertThat(settings.getArray("contexts").toList()).containsExactly("0");
        Map<String, DataObject> options = options("settings");
        assertThat(options.get("channel").getInt("type")).isEqualTo(7);
        assertThat(options.get("channel").getBoolean("required")).isTrue();
        assertThat(options.get("weekly").getInt("type")).isEqualTo(5);
    }

    @Test
    void longDescriptionsAreTruncatedTo100Characters() {
        String description = json.get("settings").getString("description");
        assertThat(description).hasSize(100).endsWith("…");
        assertThat(json.get("settings").getObject("description_localizations").getString("zh-CN"))
                .isEqualTo("修改本服务器学习小组的设置");
    }

    private static Map<String, DataObject> options(String command) {
        DataArray array = json.get(command).getArray("options");
        Map<String, DataObject> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < array.length(); i++) {
            byName.put(array.getObject(i).getString("name"), array.getObject(i));
        }
        return byName;
    }

    private static List<String> choiceValues(DataObject option) {
        DataArray choices = option.getArray("choices");
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < choices.length(); i++) {
            values.add(choices.getObject(i).getString("value"));
        }
        return values;
    }
}

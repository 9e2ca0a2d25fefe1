package studybuddy.discord;

import java.util.LinkedHashMap;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataObject;
import studybuddy.command.Caller;
import studybuddy.command.InputText;
import studybuddy.i18n.Lang;

/**
 * One Discord interaction as the inbox keeps it: who, what (a slash command with its options, a pressed button's
 * action, a submitted form's fields), how it was acknowledged and the token its answer goes through. Everything the
 * person typed loses its control characters here, the one place every interaction passes.
 *
 * @param kind      {@code slash}, {@code action} or {@code modal}
 * @param command   the slash command's name, the button's action line, or the form's id
 * @param options   the slash command's options or the form's fields
 * @param ephemeral whether the interaction was deferred privately
 * @param what      what to call it in the logs
 */
record DiscordRequest(String interactionId, String token, String kind, Caller caller, String command,
                      Map<String, String> options, boolean ephemeral, String what) {
    static final String SLASH = "slash";
    static final String ACTION = "action";
    static final String MODAL = "modal";

    DiscordRequest {
        command = InputText.clean(command);
        options = Map.copyOf(InputText.cleanOptions(options));
        what = InputText.clean(what);
    }

    String toJson() {
        DataObject opts = DataObject.empty();
        options.forEach(opts::put);
        return DataObject.empty().put("id", interactionId).put("token", token).put("kind", kind)
                .put("user", caller.userId()).put("chat", caller.chatId()).put("group", caller.groupChat())
                .put("admin", caller.chatAdmin()).put("name", caller.displayName()).put("lang", caller.platformLang().code())
                .put("command", command).put("options", opts).put("ephemeral", ephemeral).put("what", what).toString();
    }

    static DiscordRequest fromJson(String json) {
        DataObject d = DataObject.fromJson(json);
        Caller caller = new Caller(DiscordBot.PLATFORM, d.getString("user"), d.getString("chat"), d.getBoolean("group"),
                d.getBoolean("admin"), d.getString("name", null), Lang.fromLocaleTag(d.getString("lang", "en")));
        DataObject opts = d.getObject("options");
        Map<String, String> options = new LinkedHashMap<>();
        for (String key : opts.keys()) {
            options.put(key, opts.getString(key));
        }
        return new DiscordRequest(d.getString("id"), d.getString("token"), d.getString("kind"), caller,
                d.getString("command"), options, d.getBoolean("ephemeral"), d.getString("what", ""));
    }
}

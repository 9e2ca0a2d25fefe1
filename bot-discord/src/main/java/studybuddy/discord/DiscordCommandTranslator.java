package studybuddy.discord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import studybuddy.command.Audience;
import studybuddy.command.CommandSpec;
import studybuddy.command.Completer;
import studybuddy.command.Descriptions;
import studybuddy.command.OptionSpec;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;

/**
 * Core command specs → Discord slash-command data. Pure: no network, no JDA instance.
 *
 * <p>Rules:
 * <ul>
 *   <li>name and option names are the core's (already lower-case, ≤ 32 characters); descriptions are the English
 *       texts, truncated to 100 characters, with the Chinese text as the {@code zh-CN} localization;</li>
 *   <li>option types map one to one; a fixed set of values becomes choices (at most 25), an option marked
 *       autocomplete asks the spec's completer; required options come first, as Discord demands;</li>
 *   <li>free text: every command that has no option named {@value #TEXT} and fewer than 25 options gets an
 *       optional STRING option {@value #TEXT}, whose value the router passes as the core's free text
 *       ({@code CommandRequest.text}) — the core's handlers read it where they take free text (/ask, /lang en…);</li>
 *   <li>{@link Audience#GROUP_ADMIN} commands exist only on servers and are hidden by default from members without
 *       Manage Server (the core still checks {@code Caller.chatAdmin} on every use); the others work on servers and
 *       in the bot's DMs;</li>
 *   <li>{@code /group} is {@link Audience#GROUP}: {@code status}, {@code join} and {@code leave} are for every member,
 *       so it cannot be hidden by default permissions. Its admin-only actions ({@link #ADMIN_CHOICES}) are labelled
 *       "(Manage Server)" in the action choices instead; the core refuses them privately to others
 *       ({@code Caller.chatAdmin} is Manage Server, see {@code DiscordListener#caller}).</li>
 * </ul>
 */
public final class DiscordCommandTranslator {
    /** The option that carries a command's free text. */
    public static final String TEXT = "text";
    static final int MAX_DESCRIPTION = 100;
    static final int MAX_OPTIONS = 25;
    static final int MAX_CHOICES = 25;
    static final int MAX_CHOICE = 100;
    private static final Messages MSG = new Messages("discord");
    /**
     * Choices of a command's option that only members with Manage Server may use, though the command itself is for
     * everyone (command → option → values): labelled as such.
     */
    public static final Map<String, Map<String, Set<String>>> ADMIN_CHOICES = Map.of(
            "group", Map.of("action", Set.of("setup", "pause", "resume", "off")));

    private DiscordCommandTranslator() {
    }

    public static List<SlashCommandData> translate(List<CommandSpec> specs) {
        return specs.stream().map(DiscordCommandTranslator::translate).toList();
    }

    public static SlashCommandData translate(CommandSpec spec) {
        SlashCommandData data = Commands.slash(spec.name(), description(describe(spec, null, Lang.EN), spec.name()));
        String zh = describe(spec, null, Lang.ZH);
        if (zh != null && !zh.isBlank()) {
            data.setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, truncate(zh.strip(), MAX_DESCRIPTION));
        }
        List<OptionData> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            options.add(option(spec, option));
        }
        if (hasTextOption(spec)) {
            options.add(new OptionData(OptionType.STRING, TEXT, description(MSG.get(Lang.EN, "option.text"), TEXT), false)
                    .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA,
                            truncate(MSG.get(Lang.ZH, "option.text"), MAX_DESCRIPTION)));
        }
        options.sort(Comparator.comparing(o -> !o.isRequired())); // stable: required first, order kept otherwise
        data.addOptions(options);
        if (spec.audience() == Audience.GROUP_ADMIN) {
            data.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
            data.setContexts(InteractionContextType.GUILD);
        } else {
            data.setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
        }
        return data;
    }

    /** True when the slash command carries an added free-text option {@value #TEXT} (see the class rules). */
    public static boolean hasTextOption(CommandSpec spec) {
        return spec.options().size() < MAX_OPTIONS
                && spec.options().stream().noneMatch(o -> o.name().equals(TEXT));
    }

    private static OptionData option(CommandSpec spec, OptionSpec option) {
        OptionData data = new OptionData(type(option.type()), option.name(),
                description(describe(spec, option, Lang.EN), option.name()), option.required());
        String zh = describe(spec, option, Lang.ZH);
        if (zh != null && !zh.isBlank()) {
            data.setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, truncate(zh.strip(), MAX_DESCRIPTION));
        }
        if (!option.choices().isEmpty() && option.type() == studybuddy.command.OptionType.STRING) {
            Set<String> adminOnly = ADMIN_CHOICES.getOrDefault(spec.name(), Map.of())
                    .getOrDefault(option.name(), Set.of());
            option.choices().stream().limit(MAX_CHOICES).forEach(c -> {
                if (adminOnly.contains(c)) {
                    data.addChoices(new Command.Choice(truncate(MSG.get(Lang.EN, "choice.adminOnly", c), MAX_CHOICE), c)
                            .setNameLocalization(DiscordLocale.CHINESE_CHINA,
                                    truncate(MSG.get(Lang.ZH, "choice.adminOnly", c), MAX_CHOICE)));
                } else {
                    data.addChoice(truncate(c, MAX_CHOICE), truncate(c, MAX_CHOICE));
                }
            });
        } else if (!option.choices().isEmpty() && option.type() == studybuddy.command.OptionType.INTEGER) {
            option.choices().stream().limit(MAX_CHOICES).forEach(c -> data.addChoice(c, Long.parseLong(c.strip())));
        } else if (option.autocomplete() && spec.completer() != Completer.NONE && autocompletable(option.type())) {
            data.setAutoComplete(true);
        }
        return data;
    }

    private static boolean autocompletable(studybuddy.command.OptionType type) {
        return Set.of(studybuddy.command.OptionType.STRING, studybuddy.command.OptionType.INTEGER).contains(type);
    }

    static OptionType type(studybuddy.command.OptionType type) {
        return switch (type) {
            case STRING -> OptionType.STRING;
            case INTEGER -> OptionType.INTEGER;
            case BOOLEAN -> OptionType.BOOLEAN;
            case USER -> OptionType.USER;
            case CHANNEL -> OptionType.CHANNEL;
        };
    }

    /** The core's description, or null when the bundle lacks it (the name stands in; better than no command). */
    private static String describe(CommandSpec spec, OptionSpec option, Lang lang) {
        try {
            return option == null ? Descriptions.of(spec, lang) : Descriptions.of(spec, option, lang);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String description(String text, String fallback) {
        String d = text == null || text.isBlank() ? fallback : text.strip();
        return truncate(d, MAX_DESCRIPTION);
    }

    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}

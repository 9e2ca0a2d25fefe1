package studybuddy.command;

import java.util.List;
import java.util.Map;

/**
 * Chinese names for the commands, accepted wherever a typed line is read (Telegram chats, Discord DMs, the
 * console) and shown in the Chinese /help. Telegram's and Discord's command menus accept only [a-z0-9_] names,
 * so these are typed aliases: the menus keep the English names.
 */
public final class CommandAliases {
    private static final Map<String, List<String>> CHINESE = Map.ofEntries(
            Map.entry("start", List.of("开始", "设置")),
            Map.entry("next", List.of("下一步")),
            Map.entry("done", List.of("完成")),
            Map.entry("skip", List.of("跳过")),
            Map.entry("roadmap", List.of("路线图", "路线")),
            Map.entry("progress", List.of("进度")),
            Map.entry("lang", List.of("语言")),
            Map.entry("cancel", List.of("取消")),
            Map.entry("help", List.of("帮助")),
            Map.entry("ask", List.of("提问", "问")),
            Map.entry("goals", List.of("目标", "本周")),
            Map.entry("nudges", List.of("督促")),
            Map.entry("remind", List.of("提醒")),
            Map.entry("reminders", List.of("提醒列表")),
            Map.entry("pause", List.of("暂停")),
            Map.entry("resume", List.of("恢复")),
            Map.entry("quiet", List.of("免打扰")),
            Map.entry("group", List.of("小组")),
            Map.entry("checkin", List.of("打卡")),
            Map.entry("away", List.of("请假")),
            Map.entry("note", List.of("笔记")));

    private CommandAliases() {
    }

    /** The Chinese names of a command, the first being the one to show; empty when it has none. */
    public static List<String> chinese(String command) {
        return CHINESE.getOrDefault(command, List.of());
    }
}

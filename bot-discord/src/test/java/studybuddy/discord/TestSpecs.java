package studybuddy.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import studybuddy.command.Audience;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandSpec;
import studybuddy.command.OptionSpec;
import studybuddy.command.OptionType;
import studybuddy.command.Reply;
import studybuddy.learner.PostgresDialogueRepository;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.storage.Database;

/** Test-only commands: a server setting with channel and boolean options, and a failing one. */
final class TestSpecs {
    final List<CommandRequest> seen = new CopyOnWriteArrayList<>();

    static final String BUNDLE = "discord_test";

    List<CommandSpec> specs() {
        return List.of(
                new CommandSpec("settings", List.of(), BUNDLE, "settings", List.of(
                        new OptionSpec("channel", OptionType.CHANNEL, true, List.of(), false, "settings.channel"),
                        new OptionSpec("weekly", OptionType.BOOLEAN, false, List.of(), false, "settings.weekly")),
                        Audience.GROUP_ADMIN, r -> {
                            seen.add(r);
                            return Reply.text("Settings saved for <#" + r.option("channel") + ">");
                        }, null),
                new CommandSpec("boom", List.of(), BUNDLE, "boom", List.of(), Audience.GROUP, r -> {
                    throw new IllegalStateException("handler exploded");
                }, null));
    }

    /** A dispatcher with the core's real commands plus the test ones. */
    static CommandDispatcher dispatcher(Database db, List<CommandSpec> core, TestSpecs extra) {
        List<CommandSpec> all = new ArrayList<>(core);
        all.addAll(extra.specs());
        return new CommandDispatcher(all, new PostgresLearnerRepository(db), new PostgresDialogueRepository(db));
    }
}

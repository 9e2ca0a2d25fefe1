package studybuddy;

import java.util.ArrayList;
import java.util.List;
import studybuddy.account.AccountCommands;
import studybuddy.account.AccountLinks;
import studybuddy.command.CommandSpec;
import studybuddy.command.HelpCommand;
import studybuddy.groups.GroupCommands;
import studybuddy.learner.LearnerCommands;
import studybuddy.portfolio.DoneWithLink;
import studybuddy.portfolio.ProjectCommands;
import studybuddy.qa.QaCommands;
import studybuddy.reminders.ReminderCommands;
import studybuddy.review.ProgressStatement;
import studybuddy.review.ReviewCommands;

/** The one explicit list of the bot's commands, in the order /help and the platforms' menus show them. */
final class Features {
    private Features() {
    }

    static List<CommandSpec> commands(BotCore core) {
        List<CommandSpec> all = new ArrayList<>();
        ReviewCommands review = new ReviewCommands(core.learners(), core.reviews(), core.progressPicture(),
                new ProgressStatement(core.database(), core.portfolio(), core.clock()));
        // /progress also shows the review line and the progress picture; /done keeps a link to the work
        all.addAll(review.extendProgress(
                new LearnerCommands(core.learners(), core.dialogues(), core.onboarding(), core.progress(),
                        new DoneWithLink(core.progress(), core.dialogues(), core.portfolio(), core.clock())).specs()));
        all.addAll(new ReminderCommands(core.learners(), core.reminders(), core.weeklyGoals()).specs());
        all.addAll(new QaCommands(core.qa(), core.learners(), core.progress(), core.clock()).specs());
        all.addAll(new GroupCommands(core.groups(), core.learners(), core.dialogues(), core.clock()).specs());
        all.addAll(review.specs());
        all.addAll(new ProjectCommands(core.learners(), core.portfolio(), core.progress(), core.clock()).specs());
        all.addAll(new AccountCommands(core.database(), core.learners(),
                new AccountLinks(core.database(), core.clock()), core.clock()).specs());
        all.add(HelpCommand.spec(() -> core.dispatcher().specs(), caller -> core.learners().findOrCreate(caller).lang()));
        return all;
    }
}

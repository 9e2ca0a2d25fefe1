package studybuddy;

import java.time.Clock;
import studybuddy.command.CommandDispatcher;
import studybuddy.groups.GroupRepository;
import studybuddy.groups.PostgresGroupRepository;
import studybuddy.learner.DialogueRepository;
import studybuddy.learner.LearnerRepository;
import studybuddy.learner.OnboardingService;
import studybuddy.learner.PostgresDialogueRepository;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.learner.PostgresProgressRepository;
import studybuddy.learner.ProgressRepository;
import studybuddy.learner.ProgressService;
import studybuddy.qa.QaService;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.RoadmapLoader;
import studybuddy.storage.Database;

/**
 * The platform-free bot, wired by plain constructors: every adapter (console, Telegram, Discord) builds one and
 * talks to its {@link #dispatcher()}.
 */
public final class BotCore {
    private final Database database;
    private final Clock clock;
    private final Roadmap roadmap;
    private final LearnerRepository learners;
    private final ProgressRepository progressRepository;
    private final DialogueRepository dialogues;
    private final ProgressService progress;
    private final OnboardingService onboarding;
    private final GroupRepository groups;
    private final QaService qa;
    private final CommandDispatcher dispatcher;

    public BotCore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.roadmap = RoadmapLoader.loadDefault();
        this.learners = new PostgresLearnerRepository(database);
        this.progressRepository = new PostgresProgressRepository(database);
        this.dialogues = new PostgresDialogueRepository(database);
        this.progress = new ProgressService(roadmap, progressRepository, clock);
        this.onboarding = new OnboardingService(learners, dialogues, progress, clock);
        this.groups = new PostgresGroupRepository(database);
        this.qa = new QaService();
        this.dispatcher = new CommandDispatcher(Features.commands(this), learners, dialogues);
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public Roadmap roadmap() {
        return roadmap;
    }

    public LearnerRepository learners() {
        return learners;
    }

    public DialogueRepository dialogues() {
        return dialogues;
    }

    public ProgressService progress() {
        return progress;
    }

    public OnboardingService onboarding() {
        return onboarding;
    }

    public QaService qa() {
        return qa;
    }

    public GroupRepository groups() {
        return groups;
    }

    public CommandDispatcher dispatcher() {
        return dispatcher;
    }
}

package studybuddy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import studybuddy.command.CommandDispatcher;
import studybuddy.groups.CheckinService;
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
import studybuddy.platform.MessageSender;
import studybuddy.platform.PacedSender;
import studybuddy.reminders.Outbox;
import studybuddy.reminders.OutboxMessage;
import studybuddy.reminders.OutboxSender;
import studybuddy.reminders.OutboxWorker;
import studybuddy.reminders.ReminderService;
import studybuddy.reminders.SweepScheduler;
import studybuddy.reminders.Sweeper;
import studybuddy.reminders.WeeklyGoalService;
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
    private final Map<String, MessageSender> senders = new ConcurrentHashMap<>();
    private final ReminderService reminders;
    private final WeeklyGoalService weeklyGoals;
    private final OutboxSender outboxSender;
    private final CheckinService checkins;
    private SweepScheduler scheduler;
    private OutboxWorker outboxWorker;

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
        this.qa = QaService.shared();
        this.reminders = new ReminderService(database, learners, clock);
        this.weeklyGoals = new WeeklyGoalService(database, roadmap, clock);
        this.progress.addMarkListener(weeklyGoals::unitMarked);
        this.onboarding.addOnboardedListener(learner -> weeklyGoals.planFirstWeekNow(learner.id()));
        this.onboarding.addSettingsListener(learner -> learner.settings()
                .ifPresent(s -> reminders.followZone(learner.id(), s.zone())));
        this.outboxSender = new OutboxSender(database, senders, learners, clock);
        // A group the bot was removed from stops its weekly check-ins instead of queuing messages nobody gets.
        this.outboxSender.onChatGone((platform, chatId) -> groups.chatGone(platform, chatId, clock.instant()));
        this.checkins = new CheckinService(database, groups, (tx, message, learnerId, key) -> Outbox.enqueue(tx,
                List.of(OutboxMessage.of(message, learnerId, key.substring(0, key.indexOf(':')), key)),
                clock.instant()), clock);
        this.dispatcher = new CommandDispatcher(Features.commands(this), learners, dialogues, database);
    }

    /** Lets the core send on its own (reminders, weekly goals) through a platform, paced to its limits. */
    public void registerSender(MessageSender raw) {
        senders.put(raw.platform(), new PacedSender(raw, clock));
    }

    /**
     * The paced sender registered for a platform, so an adapter can send its direct replies through the same
     * budgets (per chat and per platform) as the outbox.
     */
    public java.util.Optional<MessageSender> sender(String platform) {
        return java.util.Optional.ofNullable(senders.get(platform));
    }

    /**
     * Starts the clustered Quartz scheduler that plans weeks, fires reminders and runs check-ins, and the outbox
     * worker that sends what they queue (on its own thread, one sending instance across the cluster).
     */
    public synchronized void start() {
        if (scheduler == null) {
            outboxWorker = new OutboxWorker(outboxSender);
            outboxWorker.start();
            scheduler = new SweepScheduler(database, new Sweeper(weeklyGoals, reminders, checkins),
                    Duration.ofSeconds(20));
            scheduler.start();
        }
    }

    /** Stops the scheduler and the outbox worker (a running drain hands back what it has not sent). */
    public synchronized void stop() {
        if (scheduler != null) {
            outboxWorker.close();
            outboxWorker = null;
            scheduler.close();
            scheduler = null;
        }
    }

    public ReminderService reminders() {
        return reminders;
    }

    public CheckinService checkins() {
        return checkins;
    }

    public OutboxSender outboxSender() {
        return outboxSender;
    }

    public WeeklyGoalService weeklyGoals() {
        return weeklyGoals;
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

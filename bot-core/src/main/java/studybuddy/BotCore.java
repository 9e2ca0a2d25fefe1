package studybuddy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.CommandDispatcher;
import studybuddy.groups.CheckinService;
import studybuddy.groups.GroupRepository;
import studybuddy.groups.PostgresGroupRepository;
import studybuddy.learner.DialogueRepository;
import studybuddy.learner.DoneStatement;
import studybuddy.learner.LearnerRepository;
import studybuddy.learner.Mark;
import studybuddy.learner.OnboardingService;
import studybuddy.learner.PostgresDialogueRepository;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.learner.PostgresProgressRepository;
import studybuddy.learner.ProgressRepository;
import studybuddy.learner.ProgressService;
import studybuddy.portfolio.Portfolio;
import studybuddy.portfolio.PortfolioSections;
import studybuddy.qa.QaService;
import studybuddy.ops.BotMetrics;
import studybuddy.platform.HealthCheck;
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
import studybuddy.platform.PollRegistry;
import studybuddy.review.ProgressPicture;
import studybuddy.review.QuestionBank;
import studybuddy.review.ReviewPolls;
import studybuddy.review.ReviewService;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.RoadmapLoader;
import studybuddy.storage.Database;

/**
 * The platform-free bot, wired by plain constructors: every adapter (console, Telegram, Discord) builds one and
 * talks to its {@link #dispatcher()}.
 */
public final class BotCore {
    /**
     * How often the sweep looks for what came due: a reminder is at most this late plus its sending (it goes out
     * before any fan-out; 8.3-8.6 s late during a 1 200-message fan-out, against 9.6-19.6 s every 20 s). An idle sweep
     * costs about 9 small transactions and 3.4 kB of WAL, Quartz's bookkeeping included: an idle bot went from 184 to
     * 238 transactions and from 21 to 42 kB of WAL a minute.
     */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(BotCore.class);
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
    private final ReviewService reviews;
    private final ProgressPicture progressPicture;
    private final PollRegistry polls;
    private final Portfolio portfolio;
    private final BotMetrics metrics;
    private final List<HealthCheck> healthChecks = new CopyOnWriteArrayList<>();
    private SweepScheduler scheduler;
    private volatile OutboxWorker outboxWorker;

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
        this.onboarding.addOnboardedListener(learner -> weeklyGoals.planFirstWeekNow(learner.id()));
        this.onboarding.addSettingsListener(learner -> learner.settings()
                .ifPresent(s -> reminders.followZone(learner.id(), s.zone())));
        this.outboxSender = new OutboxSender(database, senders, learners, clock);
        // A group the bot was removed from stops its weekly check-ins instead of queuing messages nobody gets.
        this.outboxSender.onChatGone((platform, chatId) -> groups.chatGone(platform, chatId, clock.instant()));
        this.checkins = new CheckinService(database, groups, (tx, message, learnerId, key) -> Outbox.enqueue(tx,
                List.of(OutboxMessage.of(message, learnerId, key.substring(0, key.indexOf(':')), key)),
                clock.instant()), clock);
        this.reviews = new ReviewService(database, roadmap, QuestionBank.loadDefault(roadmap), clock);
        // A unit marked done is written with this week's goal ticked and its first review in one statement (what
        // weeklyGoals::unitMarked and reviews::unitMarked write apart); a skipped unit leaves review.
        this.progress.writeDoneWith(new DoneStatement(database, reviews::firstReview));
        this.progress.addMarkListener((learner, unit, status) -> {
            if (status == Mark.Status.SKIPPED) {
                reviews.unitMarked(learner, unit, status);
            }
        });
        this.onboarding.addSettingsListener(learner -> reviews.reschedule(learner.id()));
        this.reviews.onQueued(this::sendSoon);
        this.polls = new ReviewPolls(database, clock);
        this.progressPicture = new ProgressPicture(progress, progressRepository, clock);
        // proof of work and projects show in /progress, in each week's plan and in the group's summary
        this.portfolio = new Portfolio(database);
        PortfolioSections portfolioSections = new PortfolioSections(portfolio, roadmap);
        this.progress.addProgressSection(portfolioSections::progress);
        this.weeklyGoals.addPlanSection(portfolioSections::plan);
        this.checkins.addSummarySection(portfolioSections::summary);
        this.dispatcher = new CommandDispatcher(Features.commands(this), learners, dialogues, database);
        this.metrics = new BotMetrics(database, clock);
        this.dispatcher.observe(metrics::commandCompleted);
        // a question typed into a guided dialogue (mid-setup) is answered when the Q&A is sure of it
        this.dispatcher.recogniseQuestions(text -> qa.answer(text, null, java.util.Optional.empty()).confident());
        this.healthChecks.add(database.healthCheck());
    }

    /**
     * Adds something readiness depends on (a platform connection, a watchdog); the health endpoint reports every
     * registered check, the database's first.
     */
    public void registerHealthCheck(HealthCheck check) {
        healthChecks.add(check);
    }

    public List<HealthCheck> healthChecks() {
        return List.copyOf(healthChecks);
    }

    public BotMetrics metrics() {
        return metrics;
    }

    /** Lets the core send on its own (reminders, weekly goals) through a platform, paced to its limits. */
    public void registerSender(MessageSender raw) {
        senders.put(raw.platform(), new PacedSender(metrics.metered(raw), clock));
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
            scheduler = new SweepScheduler(database,
                    metrics.timedSweep(new Sweeper(weeklyGoals, reminders, checkins, () -> reviews.sweep())),
                    SWEEP_INTERVAL);
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

    /**
     * Sends the outbox now (e.g. review questions a learner just asked for) instead of at the worker's next poll;
     * does nothing while the bot is stopped.
     */
    private void sendSoon() {
        OutboxWorker worker = outboxWorker;
        if (worker != null) {
            worker.wakeUp();
        }
    }

    public ReviewService reviews() {
        return reviews;
    }

    public ProgressPicture progressPicture() {
        return progressPicture;
    }

    /** Maps platforms' poll ids (Telegram quizzes) to the answers they stand for. */
    public PollRegistry polls() {
        return polls;
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    /**
     * Stops the scheduler, waiting at most {@code wait} for a running sweep: the outbox hands back what it has not
     * sent at once, but a sweep stuck on the database (retrying against a server that went away) must not hold
     * up the process's exit. Returns whether the sweep ended in time; if not, what it had not committed is rolled
     * back when the pool closes, and leased outbox rows are claimed again after their lease.
     */
    public synchronized boolean stop(Duration wait) {
        if (scheduler == null) {
            return true;
        }
        outboxSender.stop();
        SweepScheduler closing = scheduler;
        OutboxWorker worker = outboxWorker;
        scheduler = null;
        outboxWorker = null;
        Thread t = new Thread(() -> {
            if (worker != null) {
                worker.close(); // a running drain hands back what it claimed
            }
            closing.close();
        }, "sweep-stop");
        t.setDaemon(true);
        t.start();
        try {
            t.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            log.warn("The sweep did not finish within {} s; stopping without it", wait.toSeconds());
            return false;
        }
        return true;
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

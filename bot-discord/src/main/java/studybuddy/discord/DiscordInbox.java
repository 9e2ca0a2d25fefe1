package studybuddy.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Reply;
import studybuddy.inbox.Inbox;
import studybuddy.inbox.InboxEntry;
import studybuddy.inbox.InboxIntake;
import studybuddy.inbox.InboxWorker;
import studybuddy.inbox.IncomingUpdate;
import studybuddy.storage.Database;

/**
 * Discord interactions through the durable inbox: each is written to PostgreSQL (keyed by its interaction id), then
 * acknowledged (deferred) — within {@link #ACK_WAIT} whatever the database does, as Discord allows 3 s — and
 * answered from the inbox by an {@link InboxWorker}, in order per channel, once, through the interaction's token
 * (valid 15 minutes, so another instance can answer one a crashed instance took in). While the database is away
 * the "thinking…" message becomes the "database away" notice at once, and the real answer replaces it when the
 * database is back.
 */
public final class DiscordInbox implements AutoCloseable {
    /** Longest wait for the inbox before the interaction is acknowledged anyway. */
    static final Duration ACK_WAIT = Duration.ofMillis(1500);
    static final Duration LEASE = Duration.ofSeconds(90);
    static final Duration KEEP = Duration.ofHours(48);
    /** Discord's interaction tokens last 15 minutes: a hook kept longer is of no use. */
    private static final long HOOK_TTL_NANOS = TimeUnit.MINUTES.toNanos(15);
    private static final Logger log = LoggerFactory.getLogger(DiscordInbox.class);

    private final DiscordInteractionRouter router;
    private final Executor executor;
    private final InboxIntake intake;
    private final InboxWorker worker;
    /** The hooks of interactions received here: answers wait on them until the deferral went out. */
    private final Map<String, Held> hooks = new ConcurrentHashMap<>();
    private volatile JDA jda;
    private volatile ShardManager shards;

    private record Held(InteractionHook hook, long at) {
    }

    /**
     * @param executor where interactions are written to the inbox (never JDA's event thread)
     * @param threads  how many interactions are handled at once
     */
    public DiscordInbox(Database db, Clock clock, DiscordInteractionRouter router, Executor executor, int threads) {
        this.router = router;
        this.executor = executor;
        Inbox inbox = new Inbox(db);
        this.intake = new InboxIntake(inbox, clock);
        this.worker = new InboxWorker(inbox, intake, DiscordBot.PLATFORM, new Handler(), clock, threads, LEASE, KEEP);
    }

    public DiscordInbox start() {
        worker.start();
        return this;
    }

    /** The connection answers go through when the interaction arrived elsewhere (any shard can send them). */
    public void attach(ShardManager shards) {
        this.shards = shards;
    }

    /** Writes the interaction to the inbox, then defers it; an outage turns the placeholder into the notice. */
    void receive(IReplyCallback event, DiscordRequest request) {
        jda = event.getJDA();
        forgetOldHooks();
        InteractionHook hook = event.getHook();
        hooks.putIfAbsent(request.interactionId(), new Held(hook, System.nanoTime()));
        IncomingUpdate update = new IncomingUpdate(DiscordBot.PLATFORM, request.interactionId(),
                request.caller().userId(), request.caller().chatId(), request.toJson());
        CompletableFuture<InboxIntake.Outcome> stored = store(update);
        CompletableFuture<Void> acked = stored.handle((outcome, failure) -> (Void) null)
                .completeOnTimeout(null, ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        // A re-delivery (the gateway replaying an event) was acknowledged by whoever stored it first.
        acked.thenRun(() -> {
            if (stored.getNow(null) != InboxIntake.Outcome.DUPLICATE) {
                defer(event, request);
            }
        });
        stored.whenComplete((result, failure) -> {
            if (failure != null) {
                hooks.remove(request.interactionId());
                acked.thenRun(() -> DiscordListener.send(hook, request.ephemeral(),
                        router.failed(request.caller(), request.what(), failure), request.what()));
            } else if (result == InboxIntake.Outcome.HELD_NEW) {
                acked.thenRun(() -> tellDatabaseDown(hook, request));
            }
        });
    }

    private CompletableFuture<InboxIntake.Outcome> store(IncomingUpdate update) {
        try {
            return CompletableFuture.supplyAsync(() -> intake.accept(update), executor);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void defer(IReplyCallback event, DiscordRequest request) {
        event.deferReply(request.ephemeral()).queue(null,
                e -> log.warn("Acknowledging {} from user {} failed (took over 3 s?): {}", request.what(),
                        request.caller().userId(), e.toString()));
    }

    private void tellDatabaseDown(InteractionHook hook, DiscordRequest request) {
        Reply notice = Reply.text(Inbox.databaseDown(request.caller().platformLang()));
        DiscordListener.send(hook, request.ephemeral(), DiscordRenderer.render(notice, false), request.what());
    }

    private InteractionHook hook(DiscordRequest request) {
        Held held = hooks.get(request.interactionId());
        if (held != null) {
            return held.hook();
        }
        ShardManager manager = shards;
        // A shard restarted by the watchdog is a new JDA: ask the shard manager for the current one.
        JDA any = manager != null && !manager.getShards().isEmpty() ? manager.getShards().get(0) : jda;
        if (any == null) {
            throw new IllegalStateException("no Discord connection yet to answer " + request.what());
        }
        return InteractionHook.from(any, request.token()); // taken in by another instance
    }

    private void forgetOldHooks() {
        long now = System.nanoTime();
        if (hooks.size() > 1000) {
            hooks.values().removeIf(h -> now - h.at() > HOOK_TTL_NANOS);
        }
    }

    /** Answers the inbox's interactions with the router. */
    private final class Handler implements InboxWorker.Handler {
        @Override
        public void handle(InboxEntry entry) {
            DiscordRequest request = DiscordRequest.fromJson(entry.payload());
            DiscordResponse response = switch (request.kind()) {
                case DiscordRequest.SLASH -> router.slash(request.caller(), request.command(), request.options());
                case DiscordRequest.MODAL -> router.modal(request.caller(), request.command(), request.options());
                default -> router.action(request.caller(), request.command());
            };
            DiscordListener.send(hook(request), request.ephemeral(), response, request.what());
            hooks.remove(request.interactionId());
        }

        @Override
        public void databaseDown(InboxEntry entry) {
            DiscordRequest request = DiscordRequest.fromJson(entry.payload());
            tellDatabaseDown(hook(request), request);
        }
    }

    /** Updates being handled right now (tests). */
    int busy() {
        return worker.busy();
    }

    @Override
    public void close() {
        worker.stop(10);
    }
}

package studybuddy.discord;

import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.learner.LearnerRepository;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;

/**
 * The raw Discord {@link MessageSender}: every message the bot sends on its own (reminders, weekly goals, group
 * posts) goes through one instance, so that pacing can wrap it in one line. It sends once and reports what Discord
 * said: a DM Discord refuses (50007: DMs closed or bot blocked) or a gone chat is {@link SendResult.Unreachable} and
 * marks the learner unreachable, a 429 is {@link SendResult.RetryAfter} (JDA's own retry is switched off), anything
 * else is {@link SendResult.Failed}. Never throws.
 *
 * <p>An outbox message carries an idempotency key (its row): each part is posted with a nonce made of it and
 * {@code enforce_nonce}, so when a crash or a frozen instance makes the outbox send the same message again within
 * Discord's dedupe window, Discord returns the first post instead of creating a second one.
 */
public final class DiscordMessageSender implements MessageSender {
    /** Delivers one Discord message, throwing JDA's exceptions; returns the message id. */
    @FunctionalInterface
    public interface Transport {
        String deliver(String chatId, boolean direct, MessageCreateData message) throws Exception;

        /** Delivers with a nonce Discord enforces (null: none); a transport that cannot ignores it. */
        default String deliver(String chatId, boolean direct, MessageCreateData message, String nonce)
                throws Exception {
            return deliver(chatId, direct, message);
        }
    }

    /** Discord's limit on a nonce's length. */
    static final int MAX_NONCE = 25;

    private static final Logger log = LoggerFactory.getLogger(DiscordMessageSender.class);
    private final Transport transport;
    private final LearnerRepository learners;

    public DiscordMessageSender(Transport transport, LearnerRepository learners) {
        this.transport = transport;
        this.learners = learners;
    }

    /** A sender over a running shard manager: DMs through the first shard, channel posts through the channel's shard. */
    public static DiscordMessageSender over(ShardManager shards, LearnerRepository learners) {
        return new DiscordMessageSender(new Transport() {
            @Override
            public String deliver(String chatId, boolean direct, MessageCreateData message) throws Exception {
                return deliver(chatId, direct, message, null);
            }

            @Override
            public String deliver(String chatId, boolean direct, MessageCreateData message, String nonce)
                    throws Exception {
                if (direct) {
                    JDA jda = shards.getShards().stream().findFirst()
                            .orElseThrow(() -> new IllegalStateException("no Discord shard is running"));
                    // JDA 6 always sends enforce_nonce: true; the nonce is ours when the outbox gave a key
                    return jda.openPrivateChannelById(chatId).flatMap(ch -> withNonce(ch.sendMessage(message), nonce))
                            .complete(false).getId();
                }
                GuildMessageChannel channel = shards.getChannelById(GuildMessageChannel.class, chatId);
                if (channel == null) {
                    // Not cached yet while a shard is still connecting (its servers arrive after READY): retry later
                    // rather than give up the channel's pending messages (a group's summary) for good.
                    boolean allConnected = !shards.getShards().isEmpty() && shards.getShards().stream()
                            .allMatch(s -> s.getStatus() == JDA.Status.CONNECTED && s.getUnavailableGuilds().isEmpty());
                    if (!allConnected) {
                        throw new IllegalStateException("Discord channel " + chatId
                                + " is not known yet: shards are still connecting");
                    }
                    throw new ChannelGoneException(chatId);
                }
                Message sent = withNonce(channel.sendMessage(message), nonce).complete(false);
                return sent.getId();
            }
        }, learners);
    }

    private static MessageCreateAction withNonce(MessageCreateAction action, String nonce) {
        return nonce == null ? action : action.setNonce(nonce);
    }

    @Override
    public String platform() {
        return DiscordBot.PLATFORM;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        return send(message, null);
    }

    @Override
    public SendResult send(OutgoingMessage message, String idempotencyKey) {
        String id = "";
        try {
            int part = 0;
            for (MessageCreateData data : DiscordRenderer.render(message.reply(), false).messages()) {
                id = transport.deliver(message.chatId(), message.direct(), data, nonce(idempotencyKey, part++));
            }
            return new SendResult.Sent(id);
        } catch (Exception e) {
            SendResult result = classify(e);
            if (result instanceof SendResult.Unreachable u) {
                log.warn("Discord {} {} is unreachable ({}); marked unreachable, no retries", message.direct() ? "user"
                        : "channel", message.chatId(), u.reason());
                if (message.direct()) {
                    markUnreachable(message.chatId(), u.reason());
                }
            } else if (result instanceof SendResult.Failed f) {
                log.warn("Sending to Discord {} {} failed, retry later: {}", message.direct() ? "user" : "channel",
                        message.chatId(), f.reason());
            }
            return result;
        }
    }

    /** One nonce per part of a keyed message (a long text is posted in parts), within Discord's 25 characters. */
    static String nonce(String key, int part) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String nonce = key + "." + part;
        return nonce.length() <= MAX_NONCE ? nonce : nonce.substring(nonce.length() - MAX_NONCE);
    }

    private void markUnreachable(String userId, String reason) {
        try {
            learners.findByPlatformUser(DiscordBot.PLATFORM, userId)
                    .ifPresent(l -> learners.setReachable(l.id(), false, reason));
        } catch (RuntimeException e) {
            log.warn("Could not mark Discord user {} unreachable: {}", userId, e.toString());
        }
    }

    /** What a failed send means for retrying it. */
    public static SendResult classify(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ErrorResponseException)
                && !(cause instanceof RateLimitedException)) {
            cause = cause.getCause();
        }
        if (cause instanceof RateLimitedException r) {
            return new SendResult.RetryAfter(Duration.ofMillis(Math.max(0, r.getRetryAfter())));
        }
        if (cause instanceof ErrorResponseException r) {
            int status = Optional.ofNullable(r.getResponse()).map(x -> x.code).orElse(0);
            return classify(status, r.getErrorCode(), r.getMeaning());
        }
        if (cause instanceof ChannelGoneException g) {
            return new SendResult.Unreachable(g.getMessage());
        }
        return new SendResult.Failed(e.toString());
    }

    /** By HTTP status and Discord's JSON error code. */
    static SendResult classify(int status, int code, String meaning) {
        if (code == ErrorResponse.CANNOT_SEND_TO_USER.getCode()) {
            return new SendResult.Unreachable("Discord refused the DM (50007): DMs closed or the bot was blocked");
        }
        if (code == ErrorResponse.UNKNOWN_CHANNEL.getCode() || code == ErrorResponse.UNKNOWN_USER.getCode()
                || code == ErrorResponse.MISSING_ACCESS.getCode() || code == ErrorResponse.MISSING_PERMISSIONS.getCode()) {
            return new SendResult.Unreachable("Discord error " + code + ": " + meaning);
        }
        if (status == 429) {
            return new SendResult.RetryAfter(Duration.ofSeconds(1));
        }
        return new SendResult.Failed("Discord error " + code + " (HTTP " + status + "): " + meaning);
    }

    /** The channel to post in is not (or no longer) visible to the bot. */
    static final class ChannelGoneException extends RuntimeException {
        ChannelGoneException(String channelId) {
            super("Discord channel " + channelId + " is gone or not visible to the bot");
        }
    }
}

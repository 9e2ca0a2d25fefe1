package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

class DiscordMessageSenderTest {
    private static Database db;
    private static PostgresLearnerRepository learners;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh(2);
        learners = new PostgresLearnerRepository(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void sendsEveryPartOfALongMessage() {
        List<MessageCreateData> sent = new ArrayList<>();
        DiscordMessageSender sender = new DiscordMessageSender((chat, direct, m) -> {
            sent.add(m);
            return "m" + sent.size();
        }, learners);
        SendResult r = sender.send(new OutgoingMessage("discord", "42", true, Reply.text("x ".repeat(1500))));
        assertThat(r).isEqualTo(new SendResult.Sent("m2"));
        assertThat(sent).hasSize(2);
    }

    @Test
    void rateLimitIsRetryAfter() {
        DiscordMessageSender sender = new DiscordMessageSender((chat, direct, m) -> {
            throw new RateLimitedException("channels/1/messages", 1500);
        }, learners);
        assertThat(sender.send(new OutgoingMessage("discord", "1", false, Reply.text("hi"))))
                .isEqualTo(new SendResult.RetryAfter(Duration.ofMillis(1500)));
    }

    @Test
    void refusedDmIsUnreachableAndMarksTheLearner() {
        long id = learners.findOrCreate(Caller.direct("discord", "555000111", "Cy", Lang.EN)).id();
        assertThat(DiscordMessageSender.classify(403, 50007, "Cannot send messages to this user"))
                .isInstanceOf(SendResult.Unreachable.class);
        DiscordMessageSender sender = new DiscordMessageSender((chat, direct, m) -> {
            throw new DiscordMessageSender.ChannelGoneException(chat);
        }, learners);
        assertThat(sender.send(new OutgoingMessage("discord", "555000111", true, Reply.text("reminder"))))
                .isInstanceOf(SendResult.Unreachable.class);
        assertThat(learners.find(id).orElseThrow().reachable()).isFalse();
    }

    @Test
    void serverErrorsAreFailedToRetryLater() {
        assertThat(DiscordMessageSender.classify(502, 0, "Bad Gateway")).isInstanceOf(SendResult.Failed.class);
        DiscordMessageSender sender = new DiscordMessageSender((chat, direct, m) -> {
            throw new java.io.IOException("connection reset");
        }, learners);
        assertThat(sender.send(new OutgoingMessage("discord", "1", false, Reply.text("hi"))))
                .isInstanceOf(SendResult.Failed.class);
    }
}

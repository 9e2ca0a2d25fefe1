package studybuddy.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Messages the bot sends on its own are first written here, in the same transaction as the state change that
 * caused them (a reminder advanced, a check-in window closed), and sent later by the outbox sender, which marks
 * each one sent only after the platform accepted it. So a crash never loses one, and two instances never send
 * one twice.
 */
public interface OutboxWriter {
    /**
     * Queues a message inside {@code tx}.
     *
     * @param learnerId the learner it is for, when it goes to one person (so an unreachable learner can be
     *                  marked), or null for a group message
     * @param dedupeKey one key per thing to say: queuing the same key twice sends it once
     */
    void enqueue(Connection tx, OutgoingMessage message, Long learnerId, String dedupeKey) throws SQLException;
}

package studybuddy.platform;

import java.util.Optional;

/**
 * Where a platform's poll ids are mapped to what an answer means: a sender that posted a {@link Poll} remembers the
 * id the platform gave it, and the adapter that later receives an answer to that id (Telegram's {@code poll_answer},
 * which carries no chat and no message) turns it back into a command line.
 */
public interface PollRegistry {
    /** Remembers a poll the platform accepted under {@code pollId}. Must not throw. */
    void remember(String platform, String pollId, Poll poll);

    /** The command line an answer with option {@code choice} to that poll stands for, if the poll is known. */
    Optional<String> answer(String platform, String pollId, int choice);

    /** Remembers nothing (adapters and tests without polls). */
    PollRegistry NONE = new PollRegistry() {
        @Override
        public void remember(String platform, String pollId, Poll poll) {
        }

        @Override
        public Optional<String> answer(String platform, String pollId, int choice) {
            return Optional.empty();
        }
    };
}

package studybuddy.review;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.platform.Poll;
import studybuddy.platform.PollRegistry;
import studybuddy.storage.Database;

/**
 * Review quizzes' poll ids in PostgreSQL ({@code review_poll}): each row belongs to a review item and its learner
 * (both cascade), so erasing a learner or an item leaves no mapping behind. Only review polls are stored; a poll
 * whose answer action is not a review answer is not remembered.
 */
public final class ReviewPolls implements PollRegistry {
    private static final Pattern ITEM = Pattern.compile("^/review answer (\\d{1,18}) ");
    private static final Logger log = LoggerFactory.getLogger(ReviewPolls.class);

    private final Database db;
    private final Clock clock;

    public ReviewPolls(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void remember(String platform, String pollId, Poll poll) {
        Matcher m = ITEM.matcher(poll.answerAction());
        if (!m.find()) {
            log.warn("Poll {} on {} is not a review question; its answers will not be routed", pollId, platform);
            return;
        }
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into review_poll (platform, poll_id, learner_id, item_id, answer_action, created_at)
                        select ?, ?, learner_id, id, ?, ? from review_item where id = ?
                        on conflict (platform, poll_id) do nothing""")) {
                    ps.setString(1, platform);
                    ps.setString(2, pollId);
                    ps.setString(3, poll.answerAction());
                    ps.setTimestamp(4, Timestamp.from(clock.instant()));
                    ps.setLong(5, Long.parseLong(m.group(1)));
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            log.error("Could not remember {} poll {}: an answer to it will not count: {}", platform, pollId,
                    e.toString(), e);
        }
    }

    @Override
    public Optional<String> answer(String platform, String pollId, int choice) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select answer_action from review_poll where platform = ? and poll_id = ?")) {
                ps.setString(1, platform);
                ps.setString(2, pollId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1) + " " + choice) : Optional.<String>empty(); // as Poll.answer
                }
            }
        });
    }
}

package studybuddy.learner;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The guided dialogue a learner is in, if any (e.g. onboarding half-way through). */
public interface DialogueRepository {
    record Dialogue(String command, Map<String, String> answers) {
        public Dialogue {
            answers = Map.copyOf(answers);
        }
    }

    Optional<Dialogue> find(long learnerId);

    void save(long learnerId, Dialogue dialogue, Instant now);

    void clear(long learnerId);
}

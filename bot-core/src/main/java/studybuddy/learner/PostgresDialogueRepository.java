package studybuddy.learner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import studybuddy.storage.Database;

public final class PostgresDialogueRepository implements DialogueRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPSERT = """
            insert into dialogue (learner_id, command, answers, updated_at) values (?, ?, ?::jsonb, ?)
            on conflict (learner_id) do update
               set command = excluded.command, answers = excluded.answers, updated_at = excluded.updated_at""";

    private final Database db;

    public PostgresDialogueRepository(Database db) {
        this.db = db;
    }

    /** What a unit of work remembers a learner's dialogue by (read once per message). */
    private record DialogueKey(long learnerId) {
    }

    @Override
    public Optional<Dialogue> find(long learnerId) {
        return db.memo(new DialogueKey(learnerId), () -> load(learnerId));
    }

    private Optional<Dialogue> load(long learnerId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select command, answers from dialogue where learner_id = ?")) {
                ps.setLong(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? parse(rs.getString(1), rs.getString(2)) : Optional.<Dialogue>empty();
                }
            }
        });
    }

    private static Optional<Dialogue> parse(String command, String answersJson) {
        try {
            Map<String, String> answers = JSON.readValue(answersJson, new TypeReference<>() { });
            return Optional.of(new Dialogue(command, answers));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Remembers, for this unit of work, the learner's dialogue as another statement read it along the way (the
     * learner's row is read with it: one statement fewer for every message).
     *
     * @param command null when the learner has no dialogue
     */
    static void readAlong(Database db, long learnerId, String command, String answersJson) {
        db.remember(new DialogueKey(learnerId), command == null ? Optional.empty() : parse(command, answersJson));
    }

    /** Remembers, for this unit of work, a dialogue another statement saved (see {@link DoneStatement}). */
    static void savedAlong(Database db, long learnerId, Dialogue dialogue) {
        db.remember(new DialogueKey(learnerId), Optional.of(dialogue));
    }

    /** The answers as the dialogue table stores them (jsonb). */
    static String answersJson(Dialogue dialogue) {
        try {
            return JSON.writeValueAsString(dialogue.answers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void save(long learnerId, Dialogue dialogue, Instant now) {
        db.noteWrite();
        String answers = answersJson(dialogue);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setLong(1, learnerId);
                ps.setString(2, dialogue.command());
                ps.setString(3, answers);
                ps.setTimestamp(4, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
        db.remember(new DialogueKey(learnerId), Optional.of(dialogue));
    }

    @Override
    public void clear(long learnerId) {
        db.noteWrite();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from dialogue where learner_id = ?")) {
                ps.setLong(1, learnerId);
                return ps.executeUpdate();
            }
        });
        db.remember(new DialogueKey(learnerId), Optional.empty());
    }
}

package studybuddy.learner;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import studybuddy.storage.Database;

public final class PostgresProgressRepository implements ProgressRepository {
    private static final String SELECT = """
            select unit_id, status, marked_at from unit_progress where learner_id = ? order by marked_at, unit_id""";
    private static final String UPSERT = """
            insert into unit_progress (learner_id, unit_id, status, marked_at) values (?, ?, ?, ?)
            on conflict (learner_id, unit_id) do update set status = excluded.status, marked_at = excluded.marked_at""";

    private final Database db;

    public PostgresProgressRepository(Database db) {
        this.db = db;
    }

    /** What a unit of work remembers a learner's marks by (read once per command). */
    private record MarksKey(long learnerId) {
    }

    @Override
    public Map<String, Mark> marks(long learnerId) {
        return db.memo(new MarksKey(learnerId), () -> load(learnerId));
    }

    private Map<String, Mark> load(long learnerId) {
        return db.inTransaction(c -> {
            Map<String, Mark> marks = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setLong(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String unit = rs.getString(1);
                        marks.put(unit, new Mark(unit, Mark.Status.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                                rs.getTimestamp(3).toInstant()));
                    }
                }
            }
            return java.util.Collections.unmodifiableMap(marks);
        });
    }

    /**
     * Remembers, for this unit of work, a learner's marks as another statement read them (see {@link DoneStatement}:
     * one statement fewer for /done; {@code review.ProgressStatement}: /progress), in the order this repository reads
     * them (oldest first).
     */
    public static void readAlong(Database db, long learnerId, Map<String, Mark> marks) {
        db.remember(new MarksKey(learnerId), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(marks)));
    }

    @Override
    public void mark(long learnerId, String unitId, Mark.Status status, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setLong(1, learnerId);
                ps.setString(2, unitId);
                ps.setString(3, status.name().toLowerCase(Locale.ROOT));
                ps.setTimestamp(4, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
        markedAlong(db, learnerId, unitId, status, at);
    }

    /** Updates what this unit of work remembers of a learner's marks after another statement wrote one. */
    static void markedAlong(Database db, long learnerId, String unitId, Mark.Status status, Instant at) {
        // the newest mark goes last, as the query orders them
        db.<Map<String, Mark>>rememberUpdated(new MarksKey(learnerId), known -> {
            Map<String, Mark> marks = new LinkedHashMap<>(known);
            marks.remove(unitId);
            marks.put(unitId, new Mark(unitId, status, at));
            return java.util.Collections.unmodifiableMap(marks);
        });
    }
}

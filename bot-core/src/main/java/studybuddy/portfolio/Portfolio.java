package studybuddy.portfolio;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studybuddy.storage.Database;

/**
 * Where proof of work and portfolio projects are kept: links to what a learner made ({@code work_link}) and their
 * projects with the article's milestones ({@code project}, {@code project_milestone}).
 */
public final class Portfolio {
    /** At most this many projects at once: the article advises one or two deep ones over many shallow ones. */
    public static final int MAX_ACTIVE = 2;
    public static final int MILESTONES = 5;
    /** The roadmap units that stand for the first and the second project. */
    static final List<String> PROJECT_UNITS = List.of("project-1", "project-2");

    public record WorkLink(long learnerId, Optional<String> unitId, Optional<Long> projectId, Optional<Integer> milestone,
                           String url, Instant createdAt) {
    }

    public record Project(long id, long learnerId, String title, Optional<String> unitId, String status,
                          Instant startedAt, Optional<Instant> finishedAt, Map<Integer, Instant> milestones) {
        public int done() {
            return milestones.size();
        }

        /** The next milestone (1-5), or empty when all are done. */
        public Optional<Integer> next() {
            for (int m = 1; m <= MILESTONES; m++) {
                if (!milestones.containsKey(m)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }

        public boolean active() {
            return status.equals("active");
        }
    }

    private final Database db;

    /** What a unit of work remembers a learner's projects by (read once per command; forgotten on a write). */
    private record ProjectsKey(long learnerId) {
    }

    /** What a unit of work remembers a learner's newest links by. */
    private record LinksKey(long learnerId, int limit) {
    }

    public Portfolio(Database db) {
        this.db = db;
    }

    /**
     * Remembers, for this unit of work, a learner's projects and newest links as another statement read them (see
     * {@code review.ProgressStatement}: /progress in one statement), in the order {@link #projects(long)} and
     * {@link #links(long, int)} give them.
     */
    public void readAlong(long learnerId, List<Project> projects, int limit, List<WorkLink> links) {
        db.remember(new ProjectsKey(learnerId), List.copyOf(projects));
        db.remember(new LinksKey(learnerId, limit), List.copyOf(links));
    }

    private void forget(long learnerId) {
        db.forget(k -> k instanceof ProjectsKey p && p.learnerId() == learnerId
                || k instanceof LinksKey l && l.learnerId() == learnerId);
    }

    // ---------------------------------------------------------------- links

    public void addLink(long learnerId, String unitId, Long projectId, Integer milestone, String url, Instant now) {
        forget(learnerId);
        db.inTransaction(c -> {
            addLink(c, learnerId, unitId, projectId, milestone, url, now);
            return null;
        });
    }

    static void addLink(Connection c, long learnerId, String unitId, Long projectId, Integer milestone, String url,
                        Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into work_link (learner_id, unit_id, project_id, milestone, url, created_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, learnerId);
            ps.setString(2, unitId);
            if (projectId == null) {
                ps.setNull(3, Types.BIGINT);
                ps.setNull(4, Types.SMALLINT);
            } else {
                ps.setLong(3, projectId);
                ps.setShort(4, milestone.shortValue());
            }
            ps.setString(5, url);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** A learner's newest links, newest first. */
    public List<WorkLink> links(long learnerId, int limit) {
        return db.memo(new LinksKey(learnerId, limit), () -> db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(LINKS + " where learner_id = ? order by created_at desc, id desc limit ?")) {
                ps.setLong(1, learnerId);
                ps.setInt(2, limit);
                return List.copyOf(readLinks(ps));
            }
        }));
    }

    private static final String LINKS = "select learner_id, unit_id, project_id, milestone, url, created_at from work_link";

    /** Links the given learners added in [from, to), oldest first, by learner. */
    public static Map<Long, List<WorkLink>> links(Connection c, Collection<Long> learnerIds, Instant from, Instant to)
            throws SQLException {
        Map<Long, List<WorkLink>> out = new LinkedHashMap<>();
        if (learnerIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(LINKS
                + " where learner_id = any(?) and created_at >= ? and created_at < ? order by created_at, id")) {
            ps.setArray(1, c.createArrayOf("bigint", learnerIds.toArray()));
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            for (WorkLink l : readLinks(ps)) {
                out.computeIfAbsent(l.learnerId(), k -> new ArrayList<>()).add(l);
            }
        }
        return out;
    }

    private static List<WorkLink> readLinks(PreparedStatement ps) throws SQLException {
        List<WorkLink> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long project = rs.getLong(3);
                Optional<Long> projectId = rs.wasNull() ? Optional.empty() : Optional.of(project);
                int milestone = rs.getInt(4);
                Optional<Integer> m = rs.wasNull() ? Optional.empty() : Optional.of(milestone);
                out.add(new WorkLink(rs.getLong(1), Optional.ofNullable(rs.getString(2)), projectId, m,
                        rs.getString(5), rs.getTimestamp(6).toInstant()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- projects

    /** The learner's projects: active ones first (in the order started), then finished, then dropped. */
    public List<Project> projects(long learnerId) {
        return db.memo(new ProjectsKey(learnerId), () -> db.inTransaction(
                c -> List.copyOf(projects(c, List.of(learnerId)).getOrDefault(learnerId, List.of()))));
    }

    /** Projects of several learners at once, by learner, in the order {@link #projects(long)} gives. */
    public static Map<Long, List<Project>> projects(Connection c, Collection<Long> learnerIds) throws SQLException {
        Map<Long, List<Project>> out = new HashMap<>();
        if (learnerIds.isEmpty()) {
            return out;
        }
        Array ids = c.createArrayOf("bigint", learnerIds.toArray());
        Map<Long, Map<Integer, Instant>> milestones = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select m.project_id, m.milestone, m.done_at from project_milestone m
                  join project p on p.id = m.project_id where p.learner_id = any(?)""")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    milestones.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getInt(2), rs.getTimestamp(3).toInstant());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select id, learner_id, title, unit_id, status, started_at, finished_at from project
                 where learner_id = any(?)
                 order by learner_id, case status when 'active' then 0 when 'finished' then 1 else 2 end, started_at, id""")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Project(id, rs.getLong(2),
                            rs.getString(3), Optional.ofNullable(rs.getString(4)), rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            Optional.ofNullable(rs.getTimestamp(7)).map(Timestamp::toInstant),
                            Map.copyOf(milestones.getOrDefault(id, Map.of()))));
                }
            }
        }
        return out;
    }

    /** Starts a project unless the learner has {@link #MAX_ACTIVE} active ones; empty then. */
    public Optional<Project> start(long learnerId, String title, Instant now) {
        forget(learnerId);
        return db.inTransaction(c -> {
            // the learner's row lock makes the count and the insert one step, even with two instances
            try (PreparedStatement lock = c.prepareStatement("select id from learner where id = ? for update")) {
                lock.setLong(1, learnerId);
                lock.executeQuery().close();
            }
            List<Project> existing = projects(c, List.of(learnerId)).getOrDefault(learnerId, List.of());
            if (existing.stream().filter(Project::active).count() >= MAX_ACTIVE) {
                return Optional.<Project>empty();
            }
            // the first project stands for the roadmap's first project unit, the second for the second
            String unit = PROJECT_UNITS.stream()
                    .filter(u -> existing.stream().noneMatch(p -> !p.status().equals("dropped") && p.unitId().equals(Optional.of(u))))
                    .findFirst().orElse(null);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into project (learner_id, title, unit_id, started_at) values (?, ?, ?, ?) returning id""")) {
                ps.setLong(1, learnerId);
                ps.setString(2, title);
                ps.setString(3, unit);
                ps.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(new Project(rs.getLong(1), learnerId, title, Optional.ofNullable(unit), "active",
                            now, Optional.empty(), Map.of()));
                }
            }
        });
    }

    /**
     * Marks a project's next milestone done (with a link to show for it, or null); finishing the last one finishes
     * the project. Returns the project as it is now, or empty when it was not active (any more).
     */
    public Optional<Project> completeNext(long learnerId, long projectId, String url, Instant now) {
        forget(learnerId);
        return db.inTransaction(c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "select id from project where id = ? and learner_id = ? and status = 'active' for update")) {
                lock.setLong(1, projectId);
                lock.setLong(2, learnerId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Project>empty();
                    }
                }
            }
            Project p = find(c, learnerId, projectId).orElseThrow();
            int next = p.next().orElseThrow();
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into project_milestone (project_id, milestone, done_at) values (?, ?, ?)")) {
                ps.setLong(1, projectId);
                ps.setShort(2, (short) next);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.executeUpdate();
            }
            if (url != null) {
                addLink(c, learnerId, null, projectId, next, url, now);
            }
            if (next == MILESTONES) {
                try (PreparedStatement ps = c.prepareStatement(
                        "update project set status = 'finished', finished_at = ? where id = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setLong(2, projectId);
                    ps.executeUpdate();
                }
            }
            return find(c, learnerId, projectId);
        });
    }

    /** Drops an active project (its milestones and links stay); false when it was not active. */
    public boolean drop(long learnerId, long projectId) {
        forget(learnerId);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update project set status = 'dropped' where id = ? and learner_id = ? and status = 'active'")) {
                ps.setLong(1, projectId);
                ps.setLong(2, learnerId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static Optional<Project> find(Connection c, long learnerId, long projectId) throws SQLException {
        return projects(c, List.of(learnerId)).getOrDefault(learnerId, List.of()).stream()
                .filter(p -> p.id() == projectId).findFirst();
    }
}

package studybuddy.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studybuddy.learner.Learner;
import studybuddy.learner.Mark;
import studybuddy.learner.PostgresProgressRepository;
import studybuddy.portfolio.Portfolio;
import studybuddy.portfolio.PortfolioSections;
import studybuddy.storage.Database;

/**
 * What /progress shows, read in one statement: the learner's marks (route and figures), projects with their
 * milestones and newest links (the portfolio section), and the review figures (the retention line and the picture).
 * /progress was six reads in six round trips after the learner's. The marks, projects and links are remembered for
 * the unit of work, so the parts that show them find them there; the review figures are returned. Each part is read
 * as its own repository reads it, in the same order ({@link PostgresProgressRepository#marks}, {@link
 * Portfolio#projects(long)}, {@link Portfolio#links(long, int)}, {@link ReviewService#status}).
 */
public final class ProgressStatement {
    /** {@link ReviewService#status} looks this far back for the streak of right answers. */
    private static final int STREAK_WINDOW = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    // One row; each part a JSON array in a lateral subquery, in the order its repository reads it (times as
    // microseconds since the epoch: exact, and no time zone to parse; java.sql.Array would cost pgjdbc a type lookup).
    private static final String READ = """
            select m.marks, p.projects, pm.milestones, w.links,
                   s.enabled, s.next_run_at, i.items, i.due, a.answered, a.correct, a.streak
              from (select ?::bigint as id, ?::date as today, ?::int as retention) l
              cross join lateral (
                    select json_agg(json_build_array(unit_id, status,
                                                     (extract(epoch from marked_at) * 1000000)::bigint)
                                    order by marked_at, unit_id) as marks
                      from unit_progress where learner_id = l.id) m
              cross join lateral (
                    select json_agg(json_build_array(id, title, unit_id, status,
                                                     (extract(epoch from started_at) * 1000000)::bigint,
                                                     (extract(epoch from finished_at) * 1000000)::bigint)
                                    order by case status when 'active' then 0 when 'finished' then 1 else 2 end,
                                             started_at, id) as projects
                      from project where learner_id = l.id) p
              cross join lateral (
                    select json_agg(json_build_array(pm.project_id, pm.milestone,
                                                     (extract(epoch from pm.done_at) * 1000000)::bigint)) as milestones
                      from project_milestone pm join project pr on pr.id = pm.project_id
                     where pr.learner_id = l.id) pm
              cross join lateral (
                    select json_agg(json_build_array(x.unit_id, x.project_id, x.milestone, x.url,
                                                     (extract(epoch from x.created_at) * 1000000)::bigint)
                                    order by x.created_at desc, x.id desc) as links
                      from (select * from work_link where learner_id = l.id
                             order by created_at desc, id desc limit ?) x) w
              left join review_schedule s on s.learner_id = l.id
              cross join lateral (
                    select count(*) as items,
                           count(*) filter (where due_on <= l.today or pending_round is not null) as due
                      from review_item where learner_id = l.id) i
              cross join lateral (
                    -- the last answers counted for retention, and the right ones in a row before the newest wrong one
                    select count(*) filter (where x.n <= l.retention) as answered,
                           count(*) filter (where x.n <= l.retention and x.correct) as correct,
                           coalesce(min(x.n) filter (where not x.correct) - 1, count(*)) as streak
                      from (select correct, row_number() over (order by answered_at desc, id desc) as n
                              from review_answer where learner_id = l.id
                             order by answered_at desc, id desc limit ?) x) a""";

    private final Database db;
    private final Portfolio portfolio;
    private final Clock clock;

    public ProgressStatement(Database db, Portfolio portfolio, Clock clock) {
        this.db = db;
        this.portfolio = portfolio;
        this.clock = clock;
    }

    /**
     * Reads what /progress shows of an onboarded learner: remembers the marks, projects and links for this unit of
     * work and returns the review figures (as {@link ReviewService#status} reads them).
     */
    public ReviewService.Status read(Learner learner) {
        long id = learner.id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ReviewService.zoneOf(learner));
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(READ)) {
                ps.setLong(1, id);
                ps.setObject(2, today);
                ps.setInt(3, ReviewService.RETENTION_WINDOW);
                ps.setInt(4, PortfolioSections.PROGRESS_LINKS);
                ps.setInt(5, STREAK_WINDOW);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    PostgresProgressRepository.readAlong(db, id, marks(rs));
                    portfolio.readAlong(id, projects(id, rs), PortfolioSections.PROGRESS_LINKS, links(id, rs));
                    boolean enabled = true;
                    Optional<Instant> next = Optional.empty();
                    if (rs.getObject("enabled") != null) { // no schedule before the first finished unit
                        enabled = rs.getBoolean("enabled");
                        next = Optional.ofNullable(rs.getTimestamp("next_run_at")).map(Timestamp::toInstant);
                    }
                    return new ReviewService.Status(enabled, rs.getInt("items"), rs.getInt("due"),
                            rs.getInt("answered"), rs.getInt("correct"), rs.getInt("streak"), next);
                }
            }
        });
    }

    private static Map<String, Mark> marks(ResultSet rs) throws SQLException {
        Map<String, Mark> marks = new LinkedHashMap<>();
        for (JsonNode m : json(rs, "marks")) {
            String unit = m.get(0).asText();
            marks.put(unit, new Mark(unit, Mark.Status.valueOf(m.get(1).asText().toUpperCase(Locale.ROOT)),
                    instant(m.get(2))));
        }
        return marks;
    }

    private static List<Portfolio.Project> projects(long learnerId, ResultSet rs) throws SQLException {
        Map<Long, Map<Integer, Instant>> milestones = new HashMap<>();
        for (JsonNode m : json(rs, "milestones")) {
            milestones.computeIfAbsent(m.get(0).asLong(), k -> new HashMap<>()).put(m.get(1).asInt(), instant(m.get(2)));
        }
        List<Portfolio.Project> projects = new ArrayList<>();
        for (JsonNode p : json(rs, "projects")) {
            long id = p.get(0).asLong();
            projects.add(new Portfolio.Project(id, learnerId, p.get(1).asText(), text(p.get(2)), p.get(3).asText(),
                    instant(p.get(4)), p.get(5).isNull() ? Optional.empty() : Optional.of(instant(p.get(5))),
                    Map.copyOf(milestones.getOrDefault(id, Map.of()))));
        }
        return projects;
    }

    private static List<Portfolio.WorkLink> links(long learnerId, ResultSet rs) throws SQLException {
        List<Portfolio.WorkLink> links = new ArrayList<>();
        for (JsonNode l : json(rs, "links")) {
            links.add(new Portfolio.WorkLink(learnerId, text(l.get(0)),
                    l.get(1).isNull() ? Optional.empty() : Optional.of(l.get(1).asLong()),
                    l.get(2).isNull() ? Optional.empty() : Optional.of(l.get(2).asInt()),
                    l.get(3).asText(), instant(l.get(4))));
        }
        return links;
    }

    /** A part's rows; none when it has no rows (json_agg gives null then). */
    private static JsonNode json(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable " + column + " of /progress", e);
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private static Instant instant(JsonNode micros) {
        long us = micros.asLong();
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
    }
}

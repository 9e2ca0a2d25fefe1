package studybuddy.portfolio;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studybuddy.groups.Member;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.Learner;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.Unit;

/**
 * Where proof of work and projects show up elsewhere: the learner's /progress (their links and projects), each
 * week's plan (the next milestone of each active project) and the group's weekly summary (the week's links and
 * project progress).
 */
public final class PortfolioSections {
    private static final Messages MSG = DoneWithLink.MSG;
    /** /progress shows this many of the newest links. */
    public static final int PROGRESS_LINKS = 10;

    private final Portfolio portfolio;
    private final Roadmap roadmap;

    public PortfolioSections(Portfolio portfolio, Roadmap roadmap) {
        this.portfolio = portfolio;
        this.roadmap = roadmap;
    }

    /** /progress: the learner's projects and newest links. */
    public Optional<String> progress(Learner learner) {
        Lang lang = learner.lang();
        StringBuilder text = new StringBuilder();
        List<Portfolio.Project> projects = portfolio.projects(learner.id()).stream()
                .filter(p -> !p.status().equals("dropped")).toList();
        if (!projects.isEmpty()) {
            text.append(MSG.get(lang, "progress.projects"));
            for (Portfolio.Project p : projects) {
                text.append("\n• ").append(projectLine(lang, p));
            }
        }
        List<Portfolio.WorkLink> links = portfolio.links(learner.id(), PROGRESS_LINKS);
        if (!links.isEmpty()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(MSG.get(lang, "progress.links"));
            Map<Long, String> titles = new HashMap<>();
            projects.forEach(p -> titles.put(p.id(), p.title()));
            for (Portfolio.WorkLink l : links) {
                text.append("\n• ").append(linkLabel(lang, l, titles)).append(": ").append(l.url());
            }
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
    }

    /** The weekly plan: "next milestone" of each active project. */
    public Map<Long, String> plan(Connection c, Map<Long, Lang> learners) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        Map<Long, List<Portfolio.Project>> all = Portfolio.projects(c, learners.keySet());
        all.forEach((learnerId, projects) -> {
            Lang lang = learners.get(learnerId);
            List<String> lines = new ArrayList<>();
            for (Portfolio.Project p : projects) {
                if (p.active()) {
                    p.next().ifPresent(m -> lines.add(MSG.get(lang, "plan.milestone", p.title(),
                            ProjectCommands.milestone(lang, m), p.done(), Portfolio.MILESTONES)));
                }
            }
            if (!lines.isEmpty()) {
                out.put(learnerId, MSG.get(lang, "plan.title") + "\n" + String.join("\n", lines));
            }
        });
        return out;
    }

    /** The group's weekly summary: links members added this week, and their projects' progress. */
    public Optional<String> summary(Connection c, Lang lang, List<Member> members, Instant from, Instant to)
            throws SQLException {
        Map<Long, String> names = new HashMap<>();
        members.forEach(m -> names.put(m.learnerId(), m.displayName()));
        Map<Long, List<Portfolio.WorkLink>> links = Portfolio.links(c, names.keySet(), from, to);
        Map<Long, List<Portfolio.Project>> projects = Portfolio.projects(c, names.keySet());
        StringBuilder text = new StringBuilder();
        List<String> projectLines = new ArrayList<>();
        for (Member m : members) {
            for (Portfolio.Project p : projects.getOrDefault(m.learnerId(), List.of())) {
                boolean movedThisWeek = p.milestones().values().stream().anyMatch(t -> !t.isBefore(from) && t.isBefore(to));
                if (p.active() || movedThisWeek) {
                    String line = m.displayName() + ": " + projectLine(lang, p);
                    if (movedThisWeek) {
                        line += " " + MSG.get(lang, "summary.movedThisWeek");
                    }
                    projectLines.add(line);
                }
            }
        }
        if (!projectLines.isEmpty()) {
            text.append(MSG.get(lang, "summary.projects"));
            projectLines.forEach(l -> text.append("\n🏗 ").append(l));
        }
        if (!links.isEmpty()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(MSG.get(lang, "summary.links"));
            Map<Long, String> titles = new HashMap<>();
            projects.values().forEach(ps -> ps.forEach(p -> titles.put(p.id(), p.title())));
            for (Member m : members) {
                for (Portfolio.WorkLink l : links.getOrDefault(m.learnerId(), List.of())) {
                    text.append("\n🔗 ").append(m.displayName()).append(" · ").append(linkLabel(lang, l, titles))
                            .append(": ").append(l.url());
                }
            }
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
    }

    private static String projectLine(Lang lang, Portfolio.Project p) {
        if (p.status().equals("finished")) {
            return MSG.get(lang, "line.finished", p.title());
        }
        return MSG.get(lang, "line.active", p.title(), p.done(), Portfolio.MILESTONES,
                ProjectCommands.milestone(lang, p.next().orElse(Portfolio.MILESTONES)));
    }

    private String linkLabel(Lang lang, Portfolio.WorkLink l, Map<Long, String> projectTitles) {
        if (l.projectId().isPresent()) {
            String title = projectTitles.getOrDefault(l.projectId().get(), "");
            return MSG.get(lang, "line.projectLink", title, ProjectCommands.milestone(lang, l.milestone().orElse(1)));
        }
        return l.unitId().flatMap(roadmap::unit).map(Unit::title).map(t -> t.in(lang)).orElse(MSG.get(lang, "line.work"));
    }
}

package studybuddy.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import studybuddy.learner.LearnerRoute;
import studybuddy.learner.UnitStatus;
import studybuddy.roadmap.Unit;

/**
 * Picks a week's goals from a learner's route: last week's unfinished goals first, then the next units to do,
 * within the week's hours. Adapts to pace: when less than half of the recent weeks' goals were finished it plans
 * half the hours; when everything of last week was finished early it plans a quarter more and offers more still.
 */
public final class WeeklyPlanner {
    /** How many past weeks the pace looks at. */
    public static final int PACE_WEEKS = 2;
    /** Last goal done at least this long before the new week: "finished early". */
    public static final Duration EARLY = Duration.ofDays(2);

    public enum Pace { NORMAL, SLOWER, FASTER }

    /** A goal of a past or planned week. */
    public record Goal(String unitId, int hours, boolean carried, Optional<Instant> doneAt) {
    }

    public record Week(LocalDate start, List<Goal> goals) {
        public Week {
            goals = List.copyOf(goals);
        }
    }

    public record Plan(List<Goal> goals, Pace pace, int capacityHours) {
        public Plan {
            goals = List.copyOf(goals);
        }

        public int hours() {
            return goals.stream().mapToInt(Goal::hours).sum();
        }
    }

    private WeeklyPlanner() {
    }

    /** @param recent past weeks, any order */
    public static Plan plan(LearnerRoute route, int weeklyHours, List<Week> recent, Instant now) {
        List<Week> weeks = new ArrayList<>(recent);
        weeks.sort(Comparator.comparing(Week::start).reversed());
        Pace pace = pace(weeks, now);
        int capacity = switch (pace) {
            case SLOWER -> Math.max(1, Math.round(weeklyHours * 0.5f));
            case FASTER -> Math.max(weeklyHours + 1, Math.round(weeklyHours * 1.25f));
            case NORMAL -> weeklyHours;
        };
        List<Unit> todo = route.todo();
        Set<String> todoIds = new HashSet<>();
        todo.forEach(u -> todoIds.add(u.id()));
        List<Goal> goals = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        int left = capacity;
        if (!weeks.isEmpty()) {
            for (Goal g : weeks.get(0).goals()) {
                if (g.doneAt().isEmpty() && todoIds.contains(g.unitId()) && left > 0) {
                    Unit u = route.entry(g.unitId()).orElseThrow().unit();
                    int h = Math.min(u.hours(), left);
                    goals.add(new Goal(u.id(), h, true, Optional.empty()));
                    chosen.add(u.id());
                    left -= h;
                }
            }
        }
        for (Unit u : todo) {
            if (left <= 0) {
                break;
            }
            if (chosen.contains(u.id())) {
                continue;
            }
            if (u.hours() <= left || goals.isEmpty()) {
                // a unit bigger than the week is planned as this week's part of it
                int h = Math.min(u.hours(), left);
                goals.add(new Goal(u.id(), h, false, Optional.empty()));
                chosen.add(u.id());
                left -= h;
            } else {
                break;
            }
        }
        return new Plan(goals, pace, capacity);
    }

    static Pace pace(List<Week> newestFirst, Instant now) {
        if (newestFirst.isEmpty() || newestFirst.get(0).goals().isEmpty()) {
            return Pace.NORMAL;
        }
        List<Goal> last = newestFirst.get(0).goals();
        boolean allDone = last.stream().allMatch(g -> g.doneAt().isPresent());
        if (allDone) {
            Instant lastDone = last.stream().map(g -> g.doneAt().get()).max(Comparator.naturalOrder()).get();
            return lastDone.isBefore(now.minus(EARLY)) ? Pace.FASTER : Pace.NORMAL;
        }
        int total = 0;
        int done = 0;
        for (Week w : newestFirst.subList(0, Math.min(PACE_WEEKS, newestFirst.size()))) {
            total += w.goals().size();
            done += (int) w.goals().stream().filter(g -> g.doneAt().isPresent()).count();
        }
        return total > 0 && done * 2 < total ? Pace.SLOWER : Pace.NORMAL;
    }

    /** True when the unit is still to do on the route. */
    static boolean todo(LearnerRoute route, String unitId) {
        return route.entry(unitId).map(e -> e.status() == UnitStatus.OPEN).orElse(false);
    }
}

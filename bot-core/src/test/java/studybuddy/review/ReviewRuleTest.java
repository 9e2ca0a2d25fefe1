package studybuddy.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewRuleTest {
    @Test
    void givenAFinishedUnit_whenEveryAnswerIsRight_thenIntervalsFollowTheLadderThenStretchByEase() {
        // GIVEN a unit just finished
        ReviewRule.State s = ReviewRule.first();
        assertThat(s.intervalDays()).isEqualTo(2);
        // WHEN answered right again and again
        int[] seen = new int[6];
        for (int i = 0; i < seen.length; i++) {
            s = ReviewRule.after(s, true);
            seen[i] = s.intervalDays();
        }
        // THEN 7, 21, 60, then the interval times the ease (2.8 after three right answers), capped at a year
        assertThat(seen).containsExactly(7, 21, 60, 168, 365, 365);
        assertThat(s.ease()).isEqualTo(3.0);
    }

    @Test
    void givenALongInterval_whenAnsweredWrong_thenItComesBackTomorrowAndClimbsSlower() {
        // GIVEN an item at 60 days
        ReviewRule.State s = new ReviewRule.State(60, 3, 2.8);
        // WHEN answered wrong
        ReviewRule.State wrong = ReviewRule.after(s, false);
        // THEN tomorrow, streak reset, ease down
        assertThat(wrong).isEqualTo(new ReviewRule.State(1, 0, 2.6));
        // and the next right answer restarts the ladder
        assertThat(ReviewRule.after(wrong, true).intervalDays()).isEqualTo(7);
    }

    @Test
    void givenRepeatedWrongAnswers_whenEaseFalls_thenItStopsAtTheFloor() {
        ReviewRule.State s = ReviewRule.first();
        for (int i = 0; i < 20; i++) {
            s = ReviewRule.after(s, false);
        }
        assertThat(s.ease()).isEqualTo(1.3);
        assertThat(s.intervalDays()).isEqualTo(1);
    }
}

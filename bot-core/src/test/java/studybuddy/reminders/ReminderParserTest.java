package studybuddy.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReminderParserTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void givenInOneDayAcrossSpringForward_whenParsed_thenSameWallClockTimeNextDay() {
        // GIVEN Saturday 2026-03-28 10:00 in Berlin (UTC+1); the clocks go forward that night
        ZonedDateTime now = ZonedDateTime.of(2026, 3, 28, 10, 0, 0, 0, BERLIN);
        // WHEN
        ReminderParser.Result result = ReminderParser.parse("in 1 day review notes", now);
        // THEN Sunday 10:00 local (UTC+2), i.e. 23 h later, not 11:00
        assertThat(result).isInstanceOfSatisfying(ReminderParser.Parsed.class, p -> {
            assertThat(p.rule().once()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
            assertThat(p.text()).isEqualTo("review notes");
        });
    }

    @Test
    void givenInTwoHoursAcrossSpringForward_whenParsed_thenTwoHoursOfElapsedTime() {
        ZonedDateTime now = ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, BERLIN);
        ReminderParser.Result result = ReminderParser.parse("in 2h stretch", now);
        assertThat(result).isInstanceOfSatisfying(ReminderParser.Parsed.class,
                p -> assertThat(p.rule().once()).isEqualTo(now.toInstant().plusSeconds(7200)));
    }
}

package studybuddy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import studybuddy.storage.StorageUnavailableException;

class StartupRetryTest {
    private final List<Duration> waits = new ArrayList<>();

    @Test
    void givenADependencyAwayForAWhile_whenStarting_thenItIsTriedAgainWithGrowingWaitsUntilItAnswers() throws Exception {
        // GIVEN Telegram unreachable for 8 attempts
        AtomicInteger attempts = new AtomicInteger();
        StartupRetry retry = new StartupRetry(() -> false, waits::add);
        // WHEN
        String result = retry.until("the Telegram Bot API at https://api.telegram.org:443", () -> {
            if (attempts.incrementAndGet() <= 8) {
                throw new IOException("Unable to execute getme method", new ConnectException("Connection refused"));
            }
            return "@StudyBuddyBot";
        }, StartupRetry::rootReason);
        // THEN
        assertThat(result).isEqualTo("@StudyBuddyBot");
        assertThat(waits).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    }

    @Test
    void givenAFailureThatWillNotGoAway_whenStarting_thenItIsThrownAtOnce() {
        StartupRetry retry = new StartupRetry(() -> false, waits::add);
        assertThatThrownBy(() -> retry.until("Telegram", () -> {
            throw new IllegalStateException("token rejected (401)");
        }, e -> e instanceof IOException ? "io" : null)).hasMessageContaining("401");
        assertThat(waits).isEmpty();
    }

    @Test
    void givenTheProcessIsAskedToStop_whenStillWaiting_thenTheWaitEnds() {
        AtomicBoolean stopping = new AtomicBoolean();
        StartupRetry retry = new StartupRetry(stopping::get, d -> stopping.set(true));
        assertThatThrownBy(() -> retry.until("PostgreSQL", () -> {
            throw new IOException("refused");
        }, StartupRetry::rootReason)).isInstanceOf(StartupRetry.Stopped.class);
    }

    @Test
    void givenANestedConnectionFailure_whenDescribed_thenTheDeepestMessageWithItsTypeIsTheReason() {
        assertThat(StartupRetry.rootReason(new StorageUnavailableException("Could not connect",
                new RuntimeException("pool", new ConnectException("Connection refused")))))
                .isEqualTo("ConnectException: Connection refused");
        assertThat(StartupRetry.rootReason(new IOException((String) null))).isEqualTo("IOException");
    }
}

package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** How a session's owner is identified, read without Docker. */
class SessionIdentityTest {

    @Test
    void theStartIsField22CountedAfterTheCommandsNameWhateverThatNameHolds() {
        String stat = "4242 (java (x) ) y) S 1 4242 4242 0 -1 4194560 11 0 0 0 5 1 0 0 20 0 19 0 987654 2048 100 18446744073709551615";
        assertThat(SessionIdentity.ticksAfterBoot(stat)).isEqualTo("ticks:987654");
        assertThat(SessionIdentity.ticksAfterBoot("4242 (cut short) S 1 2")).isEmpty();
    }

    @Test
    void thisJvmsStartIsTheKernelsCountAndReadsTheSameEveryTime() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        assertThat(SessionIdentity.PROCESS_START).isEqualTo(SessionIdentity.ticksAfterBoot(stat))
                .isEqualTo(SessionIdentity.startOf(ProcessHandle.current())).startsWith("ticks:");
        assertThat(SessionIdentity.labels()).containsEntry(SessionIdentity.PROCESS_START_LABEL, SessionIdentity.PROCESS_START)
                .doesNotContainKey("dev.flotilla.owner.pid-start");
    }
}

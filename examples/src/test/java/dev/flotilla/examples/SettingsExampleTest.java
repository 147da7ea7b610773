package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.flotilla.FlotillaException;
import dev.flotilla.PullPolicy;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

/** Settings hold for the whole JVM; a topology or a single call can say otherwise where the API has a place for it. */
@Topology(pull = PullPolicy.MISSING) // this topology's pulls, whatever flotilla.pull.policy says
@Service(name = "box", image = "busybox:1.36", command = {"sleep", "3600"})
class SettingsExampleTest {

    @Test
    void aCommandGetsTheExecTimeoutOrItsOwn(ServiceHandle box) {
        assertThat(box.exec("echo", "done").stdout()).isEqualTo("done\n"); // waits at most flotilla.exec.timeout (2m)

        assertThatThrownBy(() -> box.exec(Duration.ofSeconds(1), "sleep", "30")) // this call's own timeout
                .isInstanceOf(FlotillaException.class)
                .hasMessageContaining("did not end within 1s")
                .hasMessageContaining("the setting flotilla.exec.timeout");
    }
}

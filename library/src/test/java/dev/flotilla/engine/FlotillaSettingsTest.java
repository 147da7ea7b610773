package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.support.ChildJvm;
import org.junit.jupiter.api.Test;

/** The settings: defaults, values from the file and the environment, and bad values. Touches no Docker. */
class FlotillaSettingsTest {

    @Test
    void pullsWaitSixtySecondsForProgressAndTryThreeTimesByDefault() {
        FlotillaSettings settings = new FlotillaSettings(new Properties());

        assertThat(settings.pullStallTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.pullAttempts()).isEqualTo(3);
    }

    @Test
    void pullSettingsComeFromTheFile() {
        Properties file = new Properties();
        file.setProperty("flotilla.pull.stall-timeout", "5s");
        file.setProperty("flotilla.pull.attempts", "1");
        FlotillaSettings settings = new FlotillaSettings(file);

        assertThat(settings.pullStallTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.pullAttempts()).isEqualTo(1);
    }

    @Test
    void badPullSettingsNameTheKeyTheValueAndTheFix() {
        Properties file = new Properties();
        file.setProperty("flotilla.pull.stall-timeout", "soon");
        file.setProperty("flotilla.pull.attempts", "0");
        FlotillaSettings settings = new FlotillaSettings(file);

        assertThatThrownBy(settings::pullStallTimeout).isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("Setting flotilla.pull.stall-timeout: \"soon\" is not a positive duration."
                        + " Fix: write a duration such as \"30s\", \"5m\" or \"2h\".");
        assertThatThrownBy(settings::pullAttempts).isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("Setting flotilla.pull.attempts: \"0\" is not a number of attempts. Fix: write a whole number of 1 or more, such as 3.");
    }

    @Test
    void aKeyWithAHyphenIsReadFromTheEnvironmentWithAnUnderscore() throws Exception {
        ChildJvm child = ChildJvm.start(PrintStallTimeout.class, Map.of("FLOTILLA_PULL_STALL_TIMEOUT", "7s"), List.of());

        assertThat(child.awaitExit(30)).as(child.output()).isZero();
        assertThat(child.output()).contains("STALL PT7S");
    }

    /** Run in a child JVM, whose environment the test sets. */
    public static final class PrintStallTimeout {
        public static void main(String[] args) {
            System.out.println("STALL " + FlotillaSettings.get().pullStallTimeout());
        }
    }

    @Test
    void reportsAreOnAndGoToTheBuildsOutputDirectoryByDefault() {
        FlotillaSettings settings = new FlotillaSettings(new Properties());

        assertThat(settings.reportsEnabled()).isTrue();
        assertThat(settings.reportsDirectory()).isEqualTo(java.nio.file.Path.of("target", "flotilla-reports"));
    }

    @Test
    void reportsCanBeSwitchedOffOrSentElsewhere() {
        Properties file = new Properties();
        file.setProperty("flotilla.reports", "OFF");
        file.setProperty("flotilla.reports.dir", "/tmp/reports-here");
        FlotillaSettings settings = new FlotillaSettings(file);

        assertThat(settings.reportsEnabled()).isFalse();
        assertThat(settings.reportsDirectory()).isEqualTo(java.nio.file.Path.of("/tmp/reports-here"));

        file.setProperty("flotilla.reports", "maybe");
        assertThatThrownBy(settings::reportsEnabled).isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("Setting flotilla.reports: \"maybe\" is not on or off. Fix: use on (the default) or off.");
    }
}

package dev.flotilla.resolve.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.flotilla.model.VolumeMount;
import org.junit.jupiter.api.Test;

/** The small languages inside compose files: interpolation, shell words, durations, sizes, ports and mounts. */
class ComposeSyntaxTest {

    private final Interpolation interpolation = new Interpolation(Map.of("SET", "value", "EMPTY", ""));

    @Test
    void interpolatesAsComposeDoes() {
        assertThat(interpolation.apply("a ${SET} $SET b")).isEqualTo("a value value b");
        assertThat(interpolation.apply("${UNSET:-fallback} ${EMPTY:-fallback} ${UNSET-fallback}")).isEqualTo("fallback fallback fallback");
        assertThat(interpolation.apply("${EMPTY-unused}")).as("- without colon keeps a value set empty").isEmpty();
        assertThat(interpolation.apply("${UNSET:-${SET}}")).as("a variable in a default").isEqualTo("value");
        assertThat(interpolation.apply("${SET:+yes}${UNSET:+no}")).isEqualTo("yes");
        assertThat(interpolation.apply("$$SET costs $$5")).isEqualTo("$SET costs $5");
        assertThat(interpolation.apply("${UNSET}")).isEmpty();
        assertThatThrownBy(() -> interpolation.apply("${EMPTY:?must be set}")).hasMessage("required variable EMPTY is missing a value: must be set");
        assertThat(interpolation.apply("${EMPTY?unused}")).as("? without colon accepts empty").isEmpty();
        assertThatThrownBy(() -> interpolation.apply("${SET")).hasMessageContaining("unclosed ${");
    }

    @Test
    void splitsACommandStringIntoWordsLikeAShell() {
        assertThat(ShellWords.split("sh -c 'echo \"a b\"'")).containsExactly("sh", "-c", "echo \"a b\"");
        assertThat(ShellWords.split("redis-server --save \"\" --appendonly no")).containsExactly("redis-server", "--save", "", "--appendonly", "no");
        assertThat(ShellWords.split("a\\ b  \"c \\\"d\\\"\"")).containsExactly("a b", "c \"d\"");
        assertThatThrownBy(() -> ShellWords.split("echo 'open")).hasMessageContaining("unclosed '");
    }

    @Test
    void readsDurationsAndSizes() {
        assertThat(ComposeDurations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ComposeDurations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ComposeDurations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ComposeDurations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> ComposeDurations.parse("10")).hasMessageContaining("\"10\" is not a duration");
        assertThatThrownBy(() -> ComposeDurations.parse("5s later")).hasMessageContaining("is not a duration");
        assertThat(ByteSizes.parse("64m")).isEqualTo(64L << 20);
        assertThat(ByteSizes.parse("512kb")).isEqualTo(512L << 10);
        assertThat(ByteSizes.parse("1024")).isEqualTo(1024);
    }

    @Test
    void readsPortsInEveryForm() {
        assertThat(PortSyntax.parse("80")).isEqualTo(new PortSyntax(80, 0, Optional.empty()));
        assertThat(PortSyntax.parse("8080:80/tcp")).isEqualTo(new PortSyntax(80, 8080, Optional.empty()));
        assertThat(PortSyntax.parse("127.0.0.1:8080:80")).isEqualTo(new PortSyntax(80, 8080, Optional.of("127.0.0.1")));
        assertThat(PortSyntax.parse("127.0.0.1::80")).isEqualTo(new PortSyntax(80, 0, Optional.of("127.0.0.1")));
        assertThat(PortSyntax.parse("[::1]:8080:80")).isEqualTo(new PortSyntax(80, 8080, Optional.of("::1")));
        assertThat(PortSyntax.parse(Map.of("target", "80", "published", "8080"))).isEqualTo(new PortSyntax(80, 8080, Optional.empty()));
        assertThatThrownBy(() -> PortSyntax.parse("53/udp")).hasMessage("only TCP ports are supported, not \"53/udp\"");
        assertThatThrownBy(() -> PortSyntax.parse("70000")).hasMessage("port 70000 is out of range 1-65535");
        assertThatThrownBy(() -> PortSyntax.parse("http")).hasMessage("\"http\" is not a port number");
    }

    @Test
    void readsMountsInEveryForm() {
        Path project = Path.of("/project");
        assertThat(VolumeSyntax.parse("./conf:/etc/app:ro", project))
                .isEqualTo(new VolumeMount(VolumeMount.Type.BIND, "/project/conf", "/etc/app", true, 0));
        assertThat(VolumeSyntax.parse("data:/var/lib/data", project))
                .isEqualTo(new VolumeMount(VolumeMount.Type.VOLUME, "data", "/var/lib/data", false, 0));
        assertThat(VolumeSyntax.parse("/cache", project)).isEqualTo(new VolumeMount(VolumeMount.Type.VOLUME, "", "/cache", false, 0));
        assertThat(VolumeSyntax.parse(Map.of("type", "tmpfs", "target", "/run", "tmpfs", Map.of("size", "64m")), project))
                .isEqualTo(new VolumeMount(VolumeMount.Type.TMPFS, "", "/run", false, 64L << 20));
        assertThat(VolumeSyntax.parseTmpfs("/tmp:size=1m,mode=1777")).isEqualTo(new VolumeMount(VolumeMount.Type.TMPFS, "", "/tmp", false, 1L << 20));
        assertThatThrownBy(() -> VolumeSyntax.parse("data:relative", project)).hasMessageContaining("\"relative\" is not an absolute path");
        assertThatThrownBy(() -> VolumeSyntax.parse("./a:/b:rx", project)).hasMessageContaining("unknown mount option \"rx\"");
        assertThatThrownBy(() -> VolumeSyntax.parse(Map.of("type", "npipe", "target", "/x"), project)).hasMessageContaining("not supported");
    }
}

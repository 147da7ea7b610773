package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineParserTest {

    @Test
    void readsTheControlPortAndEveryForward() throws Exception {
        ProxyConfig config = CommandLineParser.parse(
                "--control-port", "8474", "--forward", "5432=postgres:5432", "--forward", "8080=web:80");

        assertThat(config.controlPort()).isEqualTo(8474);
        assertThat(config.forwards()).containsExactly(
                new Forward(5432, "postgres", 5432), new Forward(8080, "web", 80));
    }

    @Test
    void acceptsOptionsInAnyOrder() throws Exception {
        ProxyConfig config = CommandLineParser.parse("--forward", "1=10.0.0.7:2", "--control-port", "3");

        assertThat(config).isEqualTo(new ProxyConfig(3, java.util.List.of(new Forward(1, "10.0.0.7", 2))));
    }

    @Test
    void requiresTheControlPort() {
        assertUsage(new String[] {"--forward", "5432=postgres:5432"}, "--control-port is required; " + CommandLineParser.USAGE);
    }

    @Test
    void requiresAForward() {
        assertUsage(new String[] {"--control-port", "8474"}, "at least one --forward is required; " + CommandLineParser.USAGE);
    }

    @Test
    void rejectsAnUnknownArgument() {
        assertUsage(new String[] {"--control-port", "8474", "--verbose"}, "unknown argument '--verbose'; " + CommandLineParser.USAGE);
    }

    @Test
    void rejectsAnOptionWithoutItsValue() {
        assertUsage(new String[] {"--forward", "1=a:2", "--control-port"}, "--control-port needs a value; " + CommandLineParser.USAGE);
    }

    @Test
    void rejectsAMalformedForward() {
        assertUsage(new String[] {"--control-port", "8474", "--forward", "5432"},
                "--forward needs LISTEN_PORT=UPSTREAM_HOST:UPSTREAM_PORT, got '5432'");
        assertUsage(new String[] {"--control-port", "8474", "--forward", "5432=:5432"},
                "--forward needs LISTEN_PORT=UPSTREAM_HOST:UPSTREAM_PORT, got '5432=:5432'");
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertUsage(new String[] {"--control-port", "0", "--forward", "1=a:2"},
                "--control-port must be a port from 1 to 65535, got '0' in '0'");
        assertUsage(new String[] {"--control-port", "8474", "--forward", "70000=a:2"},
                "--forward listen port must be a port from 1 to 65535, got '70000' in '70000=a:2'");
        assertUsage(new String[] {"--control-port", "8474", "--forward", "1=a:http"},
                "--forward upstream port must be a port from 1 to 65535, got 'http' in '1=a:http'");
    }

    @Test
    void rejectsAPortUsedTwice() {
        assertUsage(new String[] {"--control-port", "8474", "--forward", "8474=a:2"},
                "port 8474 is used twice; each --forward and --control-port needs its own port");
        assertUsage(new String[] {"--control-port", "1", "--control-port", "2"}, "--control-port given twice");
    }

    private static void assertUsage(String[] args, String message) {
        assertThatThrownBy(() -> CommandLineParser.parse(args))
                .isInstanceOf(UsageException.class)
                .hasMessage(message);
    }
}

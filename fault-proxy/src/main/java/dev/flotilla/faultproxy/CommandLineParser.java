package dev.flotilla.faultproxy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code --control-port PORT --forward LISTEN_PORT=UPSTREAM_HOST:UPSTREAM_PORT [--forward ...]}.
 */
public final class CommandLineParser {

    /** The usage line, quoted in messages about a missing option. */
    public static final String USAGE =
            "usage: --control-port PORT --forward LISTEN_PORT=UPSTREAM_HOST:UPSTREAM_PORT [--forward ...]";

    // The host part is left to DNS; only what cannot be a host name (empty, spaces, ':') is refused here.
    private static final Pattern FORWARD = Pattern.compile("([^=]*)=([^:\\s]+):([^:]*)");

    private CommandLineParser() {
    }

    /** Parses the arguments, or throws with a one-line message naming the argument and what is expected. */
    public static ProxyConfig parse(String... args) throws UsageException {
        Integer controlPort = null;
        List<Forward> forwards = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.equals("--control-port") && !option.equals("--forward")) {
                throw new UsageException("unknown argument '" + option + "'; " + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value; " + USAGE);
            }
            String value = args[++i];
            if (option.equals("--control-port")) {
                if (controlPort != null) {
                    throw new UsageException("--control-port given twice");
                }
                controlPort = parsePort("--control-port", value, value);
            } else {
                forwards.add(parseForward(value));
            }
        }
        if (controlPort == null) {
            throw new UsageException("--control-port is required; " + USAGE);
        }
        if (forwards.isEmpty()) {
            throw new UsageException("at least one --forward is required; " + USAGE);
        }
        checkPortsDistinct(controlPort, forwards);
        return new ProxyConfig(controlPort, forwards);
    }

    private static Forward parseForward(String value) throws UsageException {
        Matcher matcher = FORWARD.matcher(value);
        if (!matcher.matches()) {
            throw new UsageException("--forward needs LISTEN_PORT=UPSTREAM_HOST:UPSTREAM_PORT, got '" + value + "'");
        }
        int listenPort = parsePort("--forward listen port", matcher.group(1), value);
        int upstreamPort = parsePort("--forward upstream port", matcher.group(3), value);
        return new Forward(listenPort, matcher.group(2), upstreamPort);
    }

    private static int parsePort(String what, String text, String argument) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the value
        }
        throw new UsageException(what + " must be a port from 1 to 65535, got '" + text + "' in '" + argument + "'");
    }

    private static void checkPortsDistinct(int controlPort, List<Forward> forwards) throws UsageException {
        Set<Integer> seen = new HashSet<>();
        seen.add(controlPort);
        for (Forward forward : forwards) {
            if (!seen.add(forward.listenPort())) {
                throw new UsageException("port " + forward.listenPort()
                        + " is used twice; each --forward and --control-port needs its own port");
            }
        }
    }
}

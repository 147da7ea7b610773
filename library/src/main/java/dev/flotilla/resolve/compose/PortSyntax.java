package dev.flotilla.resolve.compose;

import java.util.Map;
import java.util.Optional;

/**
 * A service's {@code ports} entry, in Compose's short form ({@code 80}, {@code 8080:80},
 * {@code 127.0.0.1:8080:80}, {@code 127.0.0.1::80}, {@code 80/tcp}) or long form ({@code target},
 * {@code published}, {@code host_ip}, {@code protocol}). TCP only; no ranges.
 *
 * @param containerPort the port inside the container
 * @param hostPort the published host port, 0 for a random one
 * @param hostIp the host address to bind, empty for the default
 */
record PortSyntax(int containerPort, int hostPort, Optional<String> hostIp) {

    /** @throws IllegalArgumentException naming what is wrong */
    static PortSyntax parse(Object entry) {
        if (entry instanceof Map<?, ?> map) {
            protocol(map.get("protocol") == null ? "tcp" : String.valueOf(map.get("protocol")), String.valueOf(map));
            if (map.get("target") == null) {
                throw new IllegalArgumentException("a port has no target");
            }
            return new PortSyntax(port(String.valueOf(map.get("target"))),
                    map.get("published") == null ? 0 : port(String.valueOf(map.get("published"))),
                    Optional.ofNullable(map.get("host_ip")).map(String::valueOf));
        }
        String text = String.valueOf(entry);
        String spec = text;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            protocol(text.substring(slash + 1), text);
            spec = text.substring(0, slash);
        }
        if (spec.contains("-")) {
            throw new IllegalArgumentException("port ranges (\"" + text + "\") are not supported; list each port");
        }
        // An IPv6 host address is written in brackets: [::1]:8080:80.
        String hostIp = null;
        if (spec.startsWith("[")) {
            int close = spec.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("\"" + text + "\" is not a port mapping");
            }
            hostIp = spec.substring(1, close);
            spec = spec.substring(close + 2);
        }
        String[] parts = spec.split(":", -1);
        return switch (parts.length) {
            case 1 -> new PortSyntax(port(parts[0]), 0, Optional.ofNullable(hostIp));
            case 2 -> new PortSyntax(port(parts[1]), parts[0].isEmpty() ? 0 : port(parts[0]), Optional.ofNullable(hostIp));
            case 3 -> new PortSyntax(port(parts[2]), parts[1].isEmpty() ? 0 : port(parts[1]), Optional.of(parts[0]));
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a port mapping ([HOST_IP:][HOST_PORT:]PORT)");
        };
    }

    private static void protocol(String protocol, String text) {
        if (!protocol.equals("tcp")) {
            throw new IllegalArgumentException("only TCP ports are supported, not \"" + text + "\"");
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a port number");
        }
    }
}

package dev.flotilla.engine;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.flotilla.ExecResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which TCP ports something listens on inside a container, read from the kernel's own tables
 * ({@code /proc/net/tcp} and {@code tcp6} of the container's network namespace). A published port
 * that accepts a connection from the host is no proof: Docker's port proxy, Docker Desktop's and
 * rootless Docker's forwarders accept first and only then try the container. Images without a
 * {@code cat} (distroless, scratch) cannot be looked into; for them the host's view has to do.
 */
final class ContainerListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerListeners.class);
    private static final List<String> READ_TABLES = List.of("cat", "/proc/net/tcp", "/proc/net/tcp6");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final String LISTEN = "0A";
    /** 127.0.0.11, as the table writes it: Docker's embedded DNS server, which listens in every container of a user network. */
    private static final String EMBEDDED_DNS = "0B00007F:";

    private final ServiceContainer container;
    private volatile boolean cannotLook;

    ContainerListeners(ServiceContainer container) {
        this.container = container;
    }

    /** The ports listened on now; empty if this container cannot be looked into. */
    Optional<Set<Integer>> listening() {
        if (cannotLook) {
            return Optional.empty();
        }
        ExecResult tables;
        try {
            tables = container.exec(READ_TIMEOUT, READ_TABLES);
        } catch (ContainerExec.TimedOut e) {
            return Optional.empty();
        }
        // 126 and 127: no cat to run. 1 with output: no tcp6 table (IPv6 off), the tcp one was read.
        if (tables.exitCode() == 126 || tables.exitCode() == 127 || tables.stdout().isBlank()) {
            cannotLook = true;
            LOG.debug("Cannot read the TCP tables of service {} (image {}): its port readiness is judged from the host only ({})",
                    container.name(), container.image(), (tables.stdout() + tables.stderr()).strip());
            return Optional.empty();
        }
        return Optional.of(listeningPorts(tables.stdout()));
    }

    /** The local ports of the sockets in state LISTEN, from the text of /proc/net/tcp and tcp6; Docker's embedded DNS left out. */
    static Set<Integer> listeningPorts(String tables) {
        Set<Integer> ports = new HashSet<>();
        for (String line : tables.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            // sl local_address rem_address st ...; the header line has "local_address" as its second column.
            if (columns.length > 3 && LISTEN.equals(columns[3]) && columns[1].contains(":") && !columns[1].startsWith(EMBEDDED_DNS)) {
                try {
                    ports.add(Integer.parseInt(columns[1].substring(columns[1].lastIndexOf(':') + 1), 16));
                } catch (NumberFormatException e) {
                    // not a socket line
                }
            }
        }
        return ports;
    }
}

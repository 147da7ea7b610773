package dev.flotilla.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/**
 * Lets Docker start a dependent's container before its dependencies are ready while holding its
 * own process back: Docker's start (the network namespace, the published ports, the mounts) is
 * the slow part of a start, and it does not need the dependencies. A {@code /bin/sh} wrapper
 * waits, sleeping, until it gets {@code SIGUSR1} or finds {@link #OPEN_FILE}, then executes
 * what Docker would have run without it (so that process is the container's process 1, as
 * always). Opening the gate sends the signal and writes the file; the file also lets a later
 * restart of the container run its process at once, and covers a signal that came before the
 * wrapper listened for it.
 *
 * <p>Only for images with {@code /bin/sh} and a {@code sleep} program: checked once per image
 * in a created container ({@link #fits}); a container of an image without them is created again
 * without the gate.
 */
final class StartGate {

    /** Written when the gate opens; its presence lets the wrapper through at once. */
    static final String OPEN_FILE = "/.flotilla/gate-open";
    private static final List<String> SLEEP_PROGRAMS = List.of("/bin/sleep", "/usr/bin/sleep");
    private static final Map<String, Boolean> FITS_BY_IMAGE = new ConcurrentHashMap<>();

    /**
     * Waits for the signal or the file, a second's sleep at a time (a sleep in the background,
     * so that the trapped signal ends the wait at once), then hands over to {@code rest}.
     */
    private static final String SCRIPT = "o=; trap 'o=1' USR1; s=" + SLEEP_PROGRAMS.get(0) + "; [ -x $s ] || s=" + SLEEP_PROGRAMS.get(1) + "; "
            + "until [ -n \"$o\" ] || [ -e " + OPEN_FILE + " ]; do $s 1 & wait $!; kill $! 2>/dev/null; done; ";

    private StartGate() {
    }

    /** Whether containers of {@code image} are known to fit the gate; null until one was checked. */
    static Boolean knownToFit(String image) {
        return FITS_BY_IMAGE.get(image);
    }

    /** The wrapper's shell script, ending with {@code rest} (which executes {@code "$@"}). */
    static String script(String rest) {
        return SCRIPT + rest;
    }

    /**
     * Whether {@code containerId}, created from {@code image}, has {@code /bin/sh} and a
     * {@code sleep} program; remembered for the image.
     */
    static boolean fits(DockerClient client, String containerId, String image) {
        return FITS_BY_IMAGE.computeIfAbsent(image, key -> exists(client, containerId, "/bin/sh")
                && SLEEP_PROGRAMS.stream().anyMatch(program -> exists(client, containerId, program)));
    }

    private static boolean exists(DockerClient client, String containerId, String path) {
        // The archive of a path is its tar stream; only whether there is one matters.
        try (InputStream archive = client.copyArchiveFromContainerCmd(containerId, path).exec()) {
            return archive != null;
        } catch (NotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the held process run: sends the signal the waiting wrapper listens for. */
    static void signal(DockerClient client, String containerId) {
        client.killContainerCmd(containerId).withSignal("USR1").exec();
    }

    /** Writes {@link #OPEN_FILE}, so that a restart of the container runs its process at once. */
    static void writeOpenFile(DockerClient client, String containerId) {
        byte[] archive = ServiceContainer.tar(OPEN_FILE.substring(1), new byte[0], 0444);
        client.copyArchiveToContainerCmd(containerId).withRemotePath("/").withTarInputStream(new ByteArrayInputStream(archive)).exec();
    }
}

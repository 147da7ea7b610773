package dev.flotilla.engine;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;

/**
 * Lets Docker start a dependent's container before its dependencies are ready while holding its
 * own process back: Docker's start (the network namespace, the published ports, the mounts) is
 * the slow part of a start, and it does not need the dependencies. A {@code /bin/sh} wrapper
 * waits, sleeping, until it gets {@code SIGUSR1} or finds {@link #OPEN_FILE}, then executes
 * what Docker would have run without it (so that process is the container's process 1, as
 * always). A reader in the background sends it that signal when {@link #OPEN_LINE} comes on
 * the container's stdin ({@link #attach}). Opening the gate writes the line (or, if the
 * attachment failed, sends the signal through the engine). The file is written only where it
 * is needed, as the engine's extraction of it costs 100 to 150 ms of the engine's time while
 * other services start: after a signal (which is lost if it comes before the wrapper traps it),
 * when the attachment ended before the line went through it, and before a restart, whose
 * wrapper must run the process at once.
 *
 * <p>Only for images with {@code /bin/sh} and a {@code sleep} program: checked once per image
 * in a created container ({@link #fits}); a container of an image without them is created again
 * without the gate.
 */
final class StartGate {

    /** Written when the gate opens; its presence lets the wrapper through at once. */
    static final String OPEN_FILE = "/.flotilla/gate-open";
    /** The line on the container's stdin that opens the gate. */
    private static final String OPEN_LINE = "flotilla-gate-open";
    private static final List<String> SLEEP_PROGRAMS = List.of("/bin/sleep", "/usr/bin/sleep");
    private static final Map<String, Boolean> FITS_BY_IMAGE = new ConcurrentHashMap<>();

    /**
     * Waits for the signal or the file, a second's sleep at a time (a sleep in the background,
     * so that the trapped signal ends the wait at once), then hands over to {@code rest}.
     */
    private static final String SCRIPT = "o=; r=; trap 'o=1' USR1; s=" + SLEEP_PROGRAMS.get(0) + "; [ -x $s ] || s=" + SLEEP_PROGRAMS.get(1) + "; "
            // A reader in the background turns the line on stdin into the signal (fd 3: a background list's stdin is /dev/null).
            + "if [ ! -e " + OPEN_FILE + " ]; then exec 3<&0; { read -r l <&3 && [ \"$l\" = " + OPEN_LINE + " ] && kill -USR1 $$; } & r=$!; fi; "
            + "until [ -n \"$o\" ] || [ -e " + OPEN_FILE + " ]; do $s 1 & wait $!; kill $! 2>/dev/null; done; "
            + "[ -z \"$r\" ] || { kill $r 2>/dev/null; exec 3<&-; }; "
            // The process reads stdin from /dev/null, as without the gate: it does not wait for the end
            // of the attachment, which Podman 4.3 at times never passes on (seen: a cat held for 20 s).
            + "exec 0</dev/null; ";

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

    /**
     * Attaches to the created container's stdin, so that {@link Line#open} can open the gate
     * without the engine: Docker runs a {@code runc kill} process for every signal (about 35 ms, more
     * under load), where a line on stdin is bytes through a pipe. The container is created with
     * stdin open once: when the line is written the attachment ends. The wrapper hands its process
     * {@code /dev/null} as stdin, as Docker would without the gate, so that no process waits on
     * the end of the attachment.
     */
    static Line attach(DockerClient client, String containerId) {
        Line line = new Line();
        line.attachment = client.attachContainerCmd(containerId).withStdIn(line).withFollowStream(true)
                .withStdOut(false).withStdErr(false).exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onError(Throwable failure) {
                        // Not an error of the start: the gate is then opened by the signal (Line.open says so).
                        line.ended(true);
                    }

                    @Override
                    public void onComplete() {
                        line.ended(false);
                    }
                });
        return line;
    }

    /** The container's stdin as the gate's wrapper reads it: nothing until {@link #open}, then the line, then its end. */
    static final class Line extends InputStream {

        private final CountDownLatch decided = new CountDownLatch(1);
        /** What to run if the line may be lost; taken by the one that runs it. */
        private final AtomicReference<Runnable> whenLost = new AtomicReference<>();
        private volatile byte[] rest = new byte[0];
        private int position;
        private volatile Closeable attachment;
        private volatile boolean failed;
        private volatile boolean over;
        /** The pump came back for more after the line: it has written and flushed the line's bytes. */
        private volatile boolean through;
        private boolean ended;

        /**
         * Writes the line that lets the held process run; false if the attachment had failed before,
         * and the signal must do it. Asked before the line is handed over: once it is, a quick process
         * (a job) may run and end, and end the attachment with an error, before this returns; a
         * signal sent then finds the container gone.
         *
         * @param whenLost run (once, on another thread) if the attachment ends before the line went
         *                 through it, so that the line may never have arrived
         */
        boolean open(Runnable whenLost) {
            boolean attached = !failed;
            this.whenLost.set(whenLost);
            rest = (OPEN_LINE + "\n").getBytes(StandardCharsets.US_ASCII);
            decided.countDown();
            if (over) {
                reportIfLost(); // it ended just now, before whenLost was known
            }
            return attached;
        }

        /** The attachment ended, with an error if {@code failure}. */
        void ended(boolean failure) {
            failed |= failure;
            over = true;
            reportIfLost();
        }

        private void reportIfLost() {
            Runnable lost = through ? null : whenLost.getAndSet(null);
            if (lost != null) {
                CompletableFuture.runAsync(lost, EngineThreads.EXECUTOR);
            }
        }

        /** Ends stdin without the line (the container is removed, or was opened otherwise). */
        @Override
        public void close() {
            decided.countDown();
        }

        @Override
        public int read() throws IOException {
            try {
                decided.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (position < rest.length) {
                return rest[position++];
            }
            if (!ended) {
                ended = true;
                through = rest.length > 0;
                // The end of this stream does not end the attachment; only its end lets Docker close the container's stdin.
                Closeable open = attachment;
                if (open != null) {
                    CompletableFuture.runAsync(() -> closeQuietly(open), EngineThreads.EXECUTOR);
                }
            }
            return -1;
        }

        private static void closeQuietly(Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                // the attachment is gone either way
            }
        }

        /**
         * Hands over what is left of the line, never more: InputStream's own version would read on
         * to the end, which closes the attachment before the pump has written the line's bytes.
         */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int first = read();
            if (first < 0) {
                return -1;
            }
            buffer[offset] = (byte) first;
            int count = 1;
            while (count < length && position < rest.length) {
                buffer[offset + count++] = rest[position++];
            }
            return count;
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

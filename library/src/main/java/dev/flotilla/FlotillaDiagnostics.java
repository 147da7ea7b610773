package dev.flotilla;

import java.nio.file.Path;
import java.util.Optional;

import org.apiguardian.api.API;

/**
 * What the containers were doing when a test or a start failed: each service's state, health
 * checks, readiness steps, published ports and last log lines, with the paths of the whole log
 * files. Flotilla attaches it to the failure as a suppressed exception, so that IDEs, Surefire's
 * reports and CI servers show it with the failure, and writes it next to the logs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FlotillaDiagnostics extends FlotillaException {

    private final transient Optional<Path> file;

    /**
     * The bundle as {@code text}, also written to {@code file} where reports are on.
     *
     * @param text the whole bundle, which becomes the exception's message
     * @param file the file the bundle was written to; empty where reports are off or the file could not be written. The
     *     constructor writes nothing itself: it only records the path
     */
    public FlotillaDiagnostics(String text, Optional<Path> file) {
        super(text);
        this.file = file;
    }

    /**
     * Where the bundle was written, if it was.
     *
     * @return the bundle's file, or empty if none was written
     */
    public Optional<Path> file() {
        return file;
    }

    /** No stack trace: where it was made says nothing about the failure it describes. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}

package dev.flotilla.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/** What an image is built from: a context sent to the engine as a tar, its Dockerfile, build arguments and target stage. */
interface BuildContext {

    /** Writes the context as a tar stream. */
    void writeContext(OutputStream out) throws IOException;

    /** The Dockerfile's path inside the context. */
    default String dockerfilePath() {
        return "Dockerfile";
    }

    /** Build arguments ({@code ARG} values). */
    default Map<String, String> args() {
        return Map.of();
    }

    /** The stage of a multi-stage Dockerfile to build; empty for the last. */
    default Optional<String> target() {
        return Optional.empty();
    }

    /** What the context holds, for the log line at the end of a build, such as "from 12 class path entries". */
    String summary();
}

package dev.flotilla.engine;

/**
 * A container's status in Docker's words. Podman's Docker-compatible API passes on some of its
 * own: "stopped" for a container whose process has exited but whose clean-up has not finished
 * (a moment later it says "exited"), and "configured" for one created but never initialised.
 * Reports, {@link dev.flotilla.ServiceState} and checks use one word for one state, whatever the engine.
 */
final class StatusWords {

    private StatusWords() {
    }

    /** Docker's word for {@code engineWord}: "exited" for Podman's "stopped", "created" for its "configured". */
    static String dockers(String engineWord) {
        if (engineWord == null) {
            return "unknown";
        }
        return switch (engineWord) {
            case "stopped" -> "exited";
            case "configured" -> "created";
            default -> engineWord;
        };
    }
}

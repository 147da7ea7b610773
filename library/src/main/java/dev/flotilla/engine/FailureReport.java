package dev.flotilla.engine;

import java.util.List;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.flotilla.model.WaitSpec;

/**
 * The message of a failed service start: which service, which check and what it last saw, the
 * container's state (exit code, OOM kill) and the last lines of its log.
 */
final class FailureReport {

    static final int LOG_LINES = 50;

    private final String message;

    private FailureReport(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }

    /** The report of a service whose readiness wait failed. */
    static FailureReport of(ServiceContainer container, ReadinessFailure failure) {
        String check = failure.condition() == null ? "start" : failure.condition().describe();
        if (failure.condition() instanceof WaitSpec.Completed completed && failure.reason() != ReadinessFailure.Reason.ABORTED) {
            return of(container, failure.reason() == ReadinessFailure.Reason.TIMED_OUT
                    ? "is a job that did not complete within " + Durations.format(completed.timeout()) + ": " + failure.lastObservation()
                    : "is a job that failed: " + failure.lastObservation());
        }
        String headline = switch (failure.reason()) {
            case TIMED_OUT -> "did not become ready: " + check + " did not hold within "
                    + Durations.format(failure.condition().timeout()) + "; last attempt: " + failure.lastObservation();
            case EXITED -> "stopped while waiting for " + check + "; last attempt: " + failure.lastObservation();
            case IMPOSSIBLE -> "cannot become ready: " + failure.lastObservation();
            case ABORTED -> "was stopped because " + failure.lastObservation();
        };
        return of(container, headline);
    }

    /** The report of a service with a headline of what went wrong. */
    static FailureReport of(ServiceContainer container, String headline) {
        StringBuilder text = new StringBuilder("Service \"").append(container.name()).append("\" ")
                .append(container.replica() > 1 ? "(replica " + container.replica() + ") " : "").append(headline).append('\n');
        text.append("  container: ").append(container.containerName());
        if (container.containerId() != null) {
            text.append(" (id ").append(container.containerId(), 0, 12).append(')');
        }
        text.append(", image ").append(container.image()).append('\n');
        text.append("  state: ").append(state(container)).append('\n');
        List<String> tail = container.log().tail(LOG_LINES);
        if (tail.isEmpty()) {
            text.append("  log: (empty)");
        } else {
            text.append("  last ").append(tail.size()).append(" log lines:");
            tail.forEach(line -> text.append("\n    | ").append(line));
        }
        container.log().captureProblem().ifPresent(problem -> text.append("\n  log capture: ").append(problem));
        return new FailureReport(SecretDelivery.mask(text.toString(), container.spec().secretValues()));
    }

    /**
     * Exit code 137 is a SIGKILL; under a memory limit that is usually the kernel's OOM killer,
     * which some engines (Podman) do not report as such.
     */
    private static String likelyOomKill(ServiceContainer container, Long exitCode, boolean reported) {
        if (reported || exitCode == null || exitCode != 137 || container.spec().memoryBytes() == 0) {
            return "";
        }
        return " (but exit code 137 is a SIGKILL, and under its memory limit of " + container.spec().memoryBytes() / (1024 * 1024)
                + " MiB that is most likely the kernel's OOM killer, which this engine does not report)";
    }

    private static String state(ServiceContainer container) {
        if (!container.created()) {
            return "not created";
        }
        try {
            InspectContainerResponse.ContainerState state = container.inspect().getState();
            if (Boolean.TRUE.equals(state.getRunning())) {
                String health = state.getHealth() == null ? null : state.getHealth().getStatus();
                return "running" + (health == null || health.isEmpty() ? "" : ", health " + health);
            }
            boolean oomKilled = Boolean.TRUE.equals(state.getOOMKilled());
            return StatusWords.dockers(state.getStatus()) + ", exit code " + state.getExitCodeLong()
                    + ", OOM-killed " + (oomKilled ? "yes" : "no") + likelyOomKill(container, state.getExitCodeLong(), oomKilled)
                    + (state.getError() == null || state.getError().isEmpty() ? "" : ", error: " + state.getError());
        } catch (NotFoundException e) {
            return "removed";
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}

package dev.flotilla.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.flotilla.engine.InstanceRecord;
import dev.flotilla.engine.RunReport;

/**
 * What a service's processes printed, from the log file Flotilla keeps of it: the witness of
 * whether a process ran at all, since Docker may start a dependent's container ahead while a gate
 * holds its process back (a container's start time says nothing about its process).
 */
public final class ServiceOutput {

    private ServiceOutput() {
    }

    /** The standard output of {@code service} in the latest instance of {@code topologyName} that this JVM started; empty if none. */
    public static String printed(String topologyName, String service) {
        List<InstanceRecord> instances = RunReport.get().instances().stream()
                .filter(instance -> instance.spec().name().equals(topologyName)).toList();
        if (instances.isEmpty()) {
            throw new IllegalStateException("no instance of topology " + topologyName + " in this JVM's run report");
        }
        Path stdout = instances.get(instances.size() - 1).service(service).stdoutFile().orElseThrow();
        try {
            return Files.exists(stdout) ? Files.readString(stdout) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.flotilla.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flotilla.model.TopologySpec;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This JVM's run, as it is reported: a directory of its own under {@code flotilla.reports.dir}
 * ({@code target/flotilla-reports/<run>/}) holding each topology instance's service logs and
 * failure bundles, and {@code index.html}, written again whenever an instance ends and when the
 * JVM exits. With {@code flotilla.reports=off} nothing is written.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunReport {

    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final RunReport INSTANCE = new RunReport(FlotillaSettings.get().reportsEnabled()
            ? Optional.of(FlotillaSettings.get().reportsDirectory().toAbsolutePath()
                    .resolve(LocalDateTime.now().format(RUN_NAME) + "-" + Labels.SESSION_ID.substring(0, 8)))
            : Optional.empty());

    private final Optional<Path> directory;
    private final List<InstanceRecord> instances = new CopyOnWriteArrayList<>();

    private RunReport(Optional<Path> directory) {
        this.directory = directory;
    }

    /** This JVM's run. */
    public static RunReport get() {
        return INSTANCE;
    }

    /** The run's directory; empty where reports are off. */
    public Optional<Path> directory() {
        return directory;
    }

    /** The run report's page, where reports are on. */
    public Optional<Path> index() {
        return directory.map(d -> d.resolve("index.html"));
    }

    /** A record for an instance; part of the run once {@link #add added} (an instance may be made and never used). */
    InstanceRecord newRecord(TopologySpec spec, String instanceId) {
        return new InstanceRecord(spec, instanceId, directory.map(d -> d.resolve(LogFiles.instanceDirectoryName(spec.name(), instanceId))));
    }

    /** Makes an instance part of the run: it is starting, or this run attached to it. */
    void add(InstanceRecord record) {
        if (!instances.contains(record)) {
            instances.add(record);
        }
    }

    /** Every instance of this run, in the order they were started. */
    public List<InstanceRecord> instances() {
        return List.copyOf(instances);
    }

    /** The record of one instance of this run. */
    public Optional<InstanceRecord> instance(String instanceId) {
        return instances.stream().filter(i -> i.instanceId().equals(instanceId)).findFirst();
    }

    /** Records a test that used an instance of this run and passed. */
    public void testPassed(String instanceId, String test) {
        instance(instanceId).ifPresent(record -> record.testUsed(new InstanceRecord.TestUse(test, false, Optional.empty())));
    }

    /** Writes (again) the run's page; a failure to write is logged, never thrown: reports must not fail a test. */
    public synchronized void writeIndex() {
        if (directory.isEmpty() || instances.isEmpty()) {
            return;
        }
        try {
            HtmlRunReport.write(this, index().orElseThrow());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the run report {}", index().orElseThrow(), e);
        }
    }
}

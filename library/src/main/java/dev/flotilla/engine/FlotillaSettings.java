package dev.flotilla.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.PullPolicy;
import dev.flotilla.model.Values;
import org.apiguardian.api.API;

/**
 * Flotilla's global settings, read once per JVM. Each key is looked up, in this order, as a
 * system property ({@code -Dflotilla.pull.policy=always}), as an environment variable (upper
 * case, dots and hyphens as underscores: {@code FLOTILLA_PULL_POLICY},
 * {@code FLOTILLA_PULL_STALL_TIMEOUT}), and in a {@code flotilla.properties} file at the root of
 * the class path.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code flotilla.pull.policy}</td><td>{@code missing}</td><td>{@code missing}, {@code always} or {@code never}</td></tr>
 *   <tr><td>{@code flotilla.pull.stall-timeout}</td><td>{@code 60s}</td><td>a pull attempt that reports no progress
 *       this long is called off (and retried)</td></tr>
 *   <tr><td>{@code flotilla.pull.attempts}</td><td>{@code 3}</td><td>attempts at a pull that stalls or fails in a way
 *       that may pass (a 5xx answer, a refused or reset connection, a timeout); "not found" and "unauthorized"
 *       fail at once</td></tr>
 *   <tr><td>{@code flotilla.reuse.enabled}</td><td>{@code false}</td><td>whether topologies declared with
 *       {@code reuse = true} are kept for later runs</td></tr>
 *   <tr><td>{@code flotilla.reuse.ttl}</td><td>{@code 30m}</td><td>how long a reusable instance may stay unused
 *       before a run removes it</td></tr>
 *   <tr><td>{@code flotilla.exec.timeout}</td><td>{@code 2m}</td><td>how long {@code ServiceHandle.exec(String...)}
 *       waits for a command to end</td></tr>
 *   <tr><td>{@code flotilla.reports}</td><td>{@code on}</td><td>{@code on}: service logs, failure bundles and
 *       a run report under {@code flotilla.reports.dir}; {@code off}: none</td></tr>
 *   <tr><td>{@code flotilla.reports.dir}</td><td>{@code target/flotilla-reports} ({@code build/...} under Gradle)</td><td>where each
 *       run's directory of reports goes</td></tr>
 *   <tr><td>{@code flotilla.start.early}</td><td>{@code on}</td><td>{@code on}: Docker starts a dependent's
 *       container while its dependencies get ready, and a {@code /bin/sh} wrapper holds its process back until they
 *       are; {@code off}: it is created and started once they are</td></tr>
 *   <tr><td>{@code flotilla.network.pool}</td><td>{@code on}</td><td>{@code on}: a removed topology's default network,
 *       with no container left on it, is kept for the next topology of the JVM (at most two are kept; Docker only, not
 *       Podman); {@code off}: each topology creates and removes its own</td></tr>
 *   <tr><td>{@code flotilla.docker.missing}</td><td>{@code fail}</td><td>{@code fail}: tests that need Docker fail when
 *       no engine answers; {@code skip}: they are skipped (aborted) instead</td></tr>
 * </table>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FlotillaSettings {

    /** The key of the default pull policy. */
    public static final String PULL_POLICY = "flotilla.pull.policy";

    /** The key of how long a pull attempt may report no progress before it is called off. */
    public static final String PULL_STALL_TIMEOUT = "flotilla.pull.stall-timeout";
    /** The key of how many attempts a pull gets when it stalls or fails in a way that may pass. */
    public static final String PULL_ATTEMPTS = "flotilla.pull.attempts";

    /** The key of what tests do when no Docker engine answers. */
    public static final String DOCKER_MISSING = "flotilla.docker.missing";

    /** The key of the global switch for reuse. */
    public static final String REUSE_ENABLED = "flotilla.reuse.enabled";
    /** The key of how long a reusable instance may stay unused. */
    public static final String REUSE_TTL = "flotilla.reuse.ttl";

    /** The key of how long {@code ServiceHandle.exec} waits for a command unless told otherwise. */
    public static final String EXEC_TIMEOUT = "flotilla.exec.timeout";
    /** Whether snapshots of prepared services are taken and used: {@code on} (the default) or {@code off}. */
    public static final String SNAPSHOTS = "flotilla.snapshots";
    /** How long after it was taken a snapshot image is removed (by the next JVM that starts a topology). */
    public static final String SNAPSHOTS_TTL = "flotilla.snapshots.ttl";

    /**
     * Whether Docker starts a dependent's container while its dependencies get ready, holding its
     * own process back until they are: {@code on} (the default) or {@code off}.
     */
    public static final String EARLY_START = "flotilla.start.early";

    /** Whether a removed topology's default network is kept for the next topology: {@code on} (the default) or {@code off}. */
    public static final String NETWORK_POOL = "flotilla.network.pool";

    /** The key of the image whose {@code iptables} cuts links in a service's network namespace. */
    public static final String FAULTS_IMAGE = "flotilla.faults.image";

    /** The key of whether service logs, failure bundles and the run report are written. */
    public static final String REPORTS = "flotilla.reports";
    /** The key of where they are written. */
    public static final String REPORTS_DIR = "flotilla.reports.dir";

    private static final FlotillaSettings INSTANCE = new FlotillaSettings(loadFile());

    private final Properties file;

    FlotillaSettings(Properties file) {
        this.file = file;
    }

    /** The settings of this JVM. */
    public static FlotillaSettings get() {
        return INSTANCE;
    }

    /** The value of {@code key}, from the first source that has it. */
    public Optional<String> value(String key) {
        String property = System.getProperty(key);
        if (property != null) {
            return Optional.of(property.trim());
        }
        String env = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        if (env != null) {
            return Optional.of(env.trim());
        }
        return Optional.ofNullable(file.getProperty(key)).map(String::trim);
    }

    /** The pull policy to use where a topology says {@link PullPolicy#DEFAULT}. */
    public PullPolicy pullPolicy() {
        String raw = value(PULL_POLICY).orElse("missing");
        try {
            PullPolicy policy = PullPolicy.valueOf(raw.toUpperCase(Locale.ROOT));
            return policy == PullPolicy.DEFAULT ? PullPolicy.MISSING : policy;
        } catch (IllegalArgumentException e) {
            throw new FlotillaConfigurationException("Setting " + PULL_POLICY + ": \"" + raw
                    + "\" is not a pull policy. Fix: use missing, always or never.", e);
        }
    }

    /** How long a pull attempt may report no progress before it is called off. */
    public Duration pullStallTimeout() {
        return duration(PULL_STALL_TIMEOUT, "60s");
    }

    /** How many attempts a pull gets when it stalls or fails in a way that may pass; at least 1. */
    public int pullAttempts() {
        String raw = value(PULL_ATTEMPTS).orElse("3");
        try {
            int attempts = Integer.parseInt(raw);
            if (attempts >= 1) {
                return attempts;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FlotillaConfigurationException("Setting " + PULL_ATTEMPTS + ": \"" + raw
                + "\" is not a number of attempts. Fix: write a whole number of 1 or more, such as 3.");
    }

    /** Whether tests that need Docker are skipped, rather than failed, when no engine answers. */
    public boolean skipWhenDockerMissing() {
        return either(DOCKER_MISSING, "skip", "fail", "fail");
    }

    /** Whether reuse is switched on globally. */
    public boolean reuseEnabled() {
        return Boolean.parseBoolean(value(REUSE_ENABLED).orElse("false"));
    }

    /** How long a reusable instance may stay unused before it is removed. */
    public Duration reuseTimeToLive() {
        return duration(REUSE_TTL, "30m");
    }

    /** Whether snapshots of prepared services are taken and started from ({@code on}, the default, or {@code off}). */
    public boolean snapshotsEnabled() {
        return either(SNAPSHOTS, "on", "off", "on");
    }

    /** How long a snapshot image is kept after it was taken. */
    public Duration snapshotsTimeToLive() {
        return duration(SNAPSHOTS_TTL, "168h");
    }

    /** Whether dependents are started by Docker ahead, behind a gate ({@code on}, the default, or {@code off}). */
    public boolean earlyStart() {
        return either(EARLY_START, "on", "off", "on");
    }

    /** Whether a removed topology's default network is kept for the next topology ({@code on}, the default, or {@code off}). */
    public boolean networkPool() {
        return either(NETWORK_POOL, "on", "off", "on");
    }

    /** Whether service logs, failure bundles and the run report are written ({@code on}, the default, or {@code off}). */
    public boolean reportsEnabled() {
        return either(REPORTS, "on", "off", "on");
    }

    /**
     * Where each run's directory of reports goes; relative to the working directory (the module's,
     * under Maven and Gradle) unless absolute. By default the build's output directory: {@code build}
     * in a Gradle test worker, {@code target} elsewhere.
     */
    public Path reportsDirectory() {
        String buildDirectory = System.getProperty("org.gradle.test.worker") != null ? "build" : "target";
        return Path.of(value(REPORTS_DIR).orElse(buildDirectory + "/flotilla-reports"));
    }

    /** How long {@code ServiceHandle.exec(String...)} waits for a command to end. */
    public Duration execTimeout() {
        return duration(EXEC_TIMEOUT, "2m");
    }

    /** The image of the short-lived helper that cuts links with {@code iptables}: it needs a shell and {@code iptables}. */
    public String faultsImage() {
        return value(FAULTS_IMAGE).orElse("nicolaka/netshoot:v0.13");
    }

    /**
     * A two-word setting: true for {@code whenTrue}, false for {@code whenFalse}, {@code defaultWord}
     * when unset; any other word is an error naming both.
     */
    private boolean either(String key, String whenTrue, String whenFalse, String defaultWord) {
        String raw = value(key).orElse(defaultWord).toLowerCase(Locale.ROOT);
        if (raw.equals(whenTrue) || raw.equals(whenFalse)) {
            return raw.equals(whenTrue);
        }
        String otherWord = defaultWord.equals(whenTrue) ? whenFalse : whenTrue;
        throw new FlotillaConfigurationException("Setting " + key + ": \"" + raw + "\" is not " + defaultWord + " or " + otherWord
                + ". Fix: use " + defaultWord + " (the default) or " + otherWord + ".");
    }

    private Duration duration(String key, String defaultValue) {
        String raw = value(key).orElse(defaultValue);
        return Values.parseDuration(raw).orElseThrow(() -> new FlotillaConfigurationException("Setting " + key
                + ": \"" + raw + "\" is not a positive duration. Fix: write a duration such as \"30s\", \"5m\" or \"2h\"."));
    }

    private static Properties loadFile() {
        Properties properties = new Properties();
        try (InputStream in = FlotillaSettings.class.getClassLoader().getResourceAsStream("flotilla.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read flotilla.properties from the class path", e);
        }
        return properties;
    }
}

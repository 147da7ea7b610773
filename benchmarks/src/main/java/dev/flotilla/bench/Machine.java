package dev.flotilla.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import com.github.dockerjava.api.command.VersionCmd;
import com.github.dockerjava.api.model.Version;
import org.testcontainers.DockerClientFactory;

/** What the numbers were measured on: the line printed under the table. */
record Machine(String date, int cpus, String cpuModel, String memory, String docker, String os, String jvm) {

    static Machine describe() {
        Version version;
        try (VersionCmd command = DockerClientFactory.instance().client().versionCmd()) {
            version = command.exec();
        }
        return new Machine(
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name").orElse("unknown CPU"),
                procField("/proc/meminfo", "MemTotal").map(Machine::gigabytes).orElse("unknown"),
                "Docker " + version.getVersion() + " (API " + version.getApiVersion() + ", " + version.getOperatingSystem() + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "Java " + System.getProperty("java.runtime.version"));
    }

    String line() {
        return date + "; " + cpus + " CPUs (" + cpuModel + "), " + memory + " RAM; " + docker + "; " + os + "; " + jvm;
    }

    private static Optional<String> procField(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "24563212 kB" to "23.4 GiB". */
    private static String gigabytes(String meminfo) {
        long kib = Long.parseLong(meminfo.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }
}

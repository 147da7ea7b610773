package dev.flotilla.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import dev.flotilla.FlotillaException;
import dev.flotilla.model.Secret;
import dev.flotilla.model.ServiceSpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Hands secret environment variables to a container without putting them in its Docker
 * configuration: they travel as a gzip-compressed file (so neither {@code docker inspect} nor a
 * wire-level log of the Docker API shows them as text), and a {@code /bin/sh} wrapper exports
 * them before it executes the image's own entry point and command.
 */
final class SecretDelivery {

    static final String FILE = "/.flotilla/secrets.env";
    /** The wrapper's shell script: exports the secrets, then executes {@code "$@"}. */
    static final String SCRIPT = "set -a; . " + FILE + "; set +a; exec \"$@\"";

    private SecretDelivery() {
    }

    /**
     * What the wrapper executes: what Docker would have run without it ({@link #dockerCommand}),
     * which must not be empty.
     */
    static List<String> command(ServiceSpec spec, InspectImageResponse image) {
        List<String> command = dockerCommand(spec, image);
        if (command.isEmpty()) {
            throw new FlotillaException("Service \"" + spec.name() + "\" has secrets, but neither it nor its image "
                    + spec.image() + " names a command to run. Fix: set command or entrypoint.");
        }
        return command;
    }

    /**
     * What Docker would run in a container of {@code spec}: as in Docker, a declared entry point
     * replaces the image's entry point and command; otherwise the image's entry point runs with
     * the declared command, or with the image's. Empty if none names anything.
     */
    static List<String> dockerCommand(ServiceSpec spec, InspectImageResponse image) {
        ContainerConfig config = image.getConfig();
        List<String> command = new ArrayList<>();
        if (!spec.entrypoint().isEmpty()) {
            command.addAll(spec.entrypoint());
            command.addAll(spec.command());
        } else {
            if (config != null && config.getEntrypoint() != null) {
                command.addAll(List.of(config.getEntrypoint()));
            }
            if (!spec.command().isEmpty()) {
                command.addAll(spec.command());
            } else if (config != null && config.getCmd() != null) {
                command.addAll(List.of(config.getCmd()));
            }
        }
        return command;
    }

    /** The gzip-compressed tar archive, rooted at /, that holds the secrets file. */
    static ByteArrayInputStream archive(ServiceSpec spec) {
        StringBuilder file = new StringBuilder();
        spec.secrets().forEach((key, secret) -> file.append(key).append('=').append(shellQuote(secret)).append('\n'));
        byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            TarArchiveEntry entry = new TarArchiveEntry(FILE.substring(1));
            entry.setSize(content.length);
            // Readable by every user: images often drop root before their entry point runs.
            entry.setMode(0444);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static String shellQuote(Secret secret) {
        return "'" + secret.value().replace("'", "'\\''") + "'";
    }

    /** {@code text} with every secret value of the service replaced by {@link Secret#MASK}. */
    static String mask(String text, List<String> secretValues) {
        String masked = text;
        for (String value : secretValues) {
            masked = masked.replace(value, Secret.MASK);
        }
        return masked;
    }
}

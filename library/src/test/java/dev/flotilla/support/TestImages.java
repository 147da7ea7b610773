package dev.flotilla.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Images that tests build for themselves, from a Dockerfile of a few lines. */
public final class TestImages {

    private TestImages() {
    }

    /** Builds a one-file Dockerfile into a local image tagged {@code tag}; returns the tag. */
    public static String build(String tag, String dockerfile) throws IOException {
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(context)) {
            byte[] content = dockerfile.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        DockerState.client().buildImageCmd(new ByteArrayInputStream(context.toByteArray()))
                .withTags(Set.of(tag))
                .exec(new BuildImageResultCallback())
                .awaitImageId();
        return tag;
    }

    /** Removes the image tagged {@code tag}, if there is one. */
    public static void remove(String tag) {
        try {
            DockerState.client().removeImageCmd(tag).withForce(true).exec();
        } catch (NotFoundException e) {
            // never built, or removed already
        }
    }
}

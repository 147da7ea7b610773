package dev.flotilla.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;

/** Images that tests build for themselves, from a Dockerfile of a few lines. */
public final class TestImages {

    private TestImages() {
    }

    /** Builds a one-file Dockerfile into a local image tagged {@code tag}; returns the tag. */
    public static String build(String tag, String dockerfile) throws IOException {
        byte[] context = Tars.oneFile("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
        DockerState.client().buildImageCmd(new ByteArrayInputStream(context))
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

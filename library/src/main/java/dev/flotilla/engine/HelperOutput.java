package dev.flotilla.engine;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

/** The whole output, stdout and stderr as they came, of a helper container that has ended. */
final class HelperOutput {

    private HelperOutput() {
    }

    static String of(DockerClient client, String containerId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            client.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (bytes) {
                                bytes.writeBytes(frame.getPayload());
                            }
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (bytes) {
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

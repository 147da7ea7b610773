package dev.flotilla.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;


/**
 * A registry on {@code 127.0.0.1} that serves one image made up for the test, so that the real
 * engine has to download all of it: its layers hold random bytes, new for each instance, which
 * no other image shares. It serves two tags of them ({@link #image()}, {@link #sameLayersImage()})
 * with different configurations. Each layer is sent at a set rate, so that a pull takes the seconds a
 * pull from a distant registry takes. Like {@link FakeRegistry}, it refuses TLS by closing the
 * connection, so that Docker speaks plain HTTP to it.
 */
public final class GeneratedImageRegistry implements AutoCloseable {

    private static final String REPOSITORY = "flotilla-test/progress";
    private static final List<String> TAGS = List.of("1", "2");
    private static final String MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
    private static final int CHUNK = 16 * 1024;

    private final LoopbackServer server;
    private final int bytesPerSecond;
    private final Map<String, byte[]> blobs = new LinkedHashMap<>();
    private final List<String> layerDigests = new ArrayList<>();
    /** The manifests by tag and by digest. */
    private final Map<String, byte[]> manifests = new LinkedHashMap<>();

    private GeneratedImageRegistry(int layers, int layerBytes, int bytesPerSecond) throws IOException {
        this.bytesPerSecond = bytesPerSecond;
        Random random = new Random();
        List<String> diffIds = new ArrayList<>();
        StringBuilder layerEntries = new StringBuilder();
        for (int i = 0; i < layers; i++) {
            byte[] content = new byte[layerBytes];
            random.nextBytes(content); // incompressible: the layer is as large on the wire as on disk
            byte[] tar = Tars.oneFile("layer-" + i + ".bin", content);
            byte[] gzipped = gzip(tar);
            diffIds.add("\"" + digest(tar) + "\"");
            String digest = digest(gzipped);
            blobs.put(digest, gzipped);
            layerDigests.add(digest);
            layerEntries.append(layerEntries.length() == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",")
                    .append("\"size\":").append(gzipped.length).append(",\"digest\":\"").append(digest).append("\"}");
        }
        for (String tag : TAGS) {
            // Each tag its own configuration, on the same layers: the second pull finds every layer present.
            byte[] config = ("{\"architecture\":\"" + architecture() + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/tag-" + tag + "\"]},"
                    + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + String.join(",", diffIds) + "]}}").getBytes(StandardCharsets.UTF_8);
            String configDigest = digest(config);
            blobs.put(configDigest, config);
            byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":{\"mediaType\":"
                    + "\"application/vnd.docker.container.image.v1+json\",\"size\":" + config.length + ",\"digest\":\"" + configDigest + "\"},"
                    + "\"layers\":[" + layerEntries + "]}").getBytes(StandardCharsets.UTF_8);
            manifests.put(tag, manifest);
            manifests.put(digest(manifest), manifest);
        }
        server = new LoopbackServer("generated-image-registry", this::serve);
    }

    /**
     * A registry serving one image of {@code layers} layers of {@code layerBytes} random bytes
     * each, every download sent at {@code bytesPerSecond}.
     */
    public static GeneratedImageRegistry serving(int layers, int layerBytes, int bytesPerSecond) throws IOException {
        return new GeneratedImageRegistry(layers, layerBytes, bytesPerSecond);
    }

    /** The image's name, for a pull: {@code 127.0.0.1:port/flotilla-test/progress:1}. */
    public String image() {
        return "127.0.0.1:" + server.port() + "/" + REPOSITORY + ":" + TAGS.get(0);
    }

    /** Another image of the same layers, which a pull after the first finds all present. */
    public String sameLayersImage() {
        return "127.0.0.1:" + server.port() + "/" + REPOSITORY + ":" + TAGS.get(1);
    }

    /** The sizes of the layers as sent, in bytes, in the manifest's order. */
    public List<Integer> layerSizes() {
        return layerDigests.stream().map(d -> blobs.get(d).length).toList();
    }

    /** Answers requests on one connection, as many as the engine sends on it. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
                String[] request = head.substring(0, head.indexOf("\r\n")).split(" ");
                boolean body = !request[0].equals("HEAD");
                String path = request[1];
                String prefix = "/v2/" + REPOSITORY + "/";
                if (path.equals("/v2/")) {
                    answer(out, "200 OK", "application/json", null, "{}".getBytes(StandardCharsets.US_ASCII), body, false);
                } else if (path.startsWith(prefix + "manifests/") && manifests.containsKey(path.substring(prefix.length() + 10))) {
                    byte[] manifest = manifests.get(path.substring(prefix.length() + 10));
                    answer(out, "200 OK", MANIFEST_TYPE, digest(manifest), manifest, body, false);
                } else if (path.startsWith(prefix + "blobs/") && blobs.containsKey(path.substring(prefix.length() + 6))) {
                    String digest = path.substring(prefix.length() + 6);
                    answer(out, "200 OK", "application/octet-stream", digest, blobs.get(digest), body, layerDigests.contains(digest));
                } else {
                    answer(out, "404 Not Found", "application/json", null,
                            "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"not here\"}]}".getBytes(StandardCharsets.US_ASCII), body, false);
                }
            }
        } catch (IOException e) {
            // the engine hung up, or this registry was closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(OutputStream out, String status, String type, String digest, byte[] content, boolean body, boolean slowly)
            throws IOException, InterruptedException {
        out.write(("HTTP/1.1 " + status + "\r\nDocker-Distribution-Api-Version: registry/2.0\r\nContent-Type: " + type
                + (digest == null ? "" : "\r\nDocker-Content-Digest: " + digest) + "\r\nContent-Length: " + content.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        if (!body) {
            out.flush();
            return;
        }
        if (!slowly) {
            out.write(content);
            out.flush();
            return;
        }
        long started = System.nanoTime();
        for (int sent = 0; sent < content.length; ) {
            int length = Math.min(CHUNK, content.length - sent);
            out.write(content, sent, length);
            out.flush();
            sent += length;
            long due = started + sent * 1_000_000_000L / bytesPerSecond;
            long early = due - System.nanoTime();
            if (early > 0) {
                Thread.sleep(early / 1_000_000, (int) (early % 1_000_000));
            }
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }

    private static String digest(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Docker's word for this machine's architecture: images for another one do not run here. */
    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    /** Stops answering and closes every connection. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}

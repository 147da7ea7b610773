package dev.flotilla.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarFile;

import dev.flotilla.FlotillaException;

/**
 * The fault proxy's runnable jar, which Flotilla's own jar carries as a resource (so that its
 * networking library, Netty, is never on the user's class path), written once to a file named by
 * its content for the proxy's image to be built from.
 */
final class FaultProxyJar {

    static final String RESOURCE = "dev/flotilla/engine/flotilla-fault-proxy.jar";
    private static volatile Path extracted;

    private FaultProxyJar() {
    }

    /** The jar's file, named {@code flotilla-fault-proxy-<hash>.jar}. */
    static Path path() {
        Path path = extracted;
        if (path == null) {
            synchronized (FaultProxyJar.class) {
                if (extracted == null) {
                    extracted = extract();
                }
                path = extracted;
            }
        }
        return path;
    }

    /** The class the jar's manifest names to run. */
    static String mainClass() {
        try (JarFile jar = new JarFile(path().toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the fault proxy's jar " + path(), e);
        }
    }

    private static Path extract() {
        try (InputStream in = FaultProxyJar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FlotillaException("Flotilla's fault proxy is missing from its jar (resource " + RESOURCE + "); this build of"
                        + " Flotilla cannot place proxies on links. Fix: use a released Flotilla jar, or build it with mvn package.");
            }
            byte[] content = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "flotilla-fault-proxy-" + hash + ".jar");
            if (!Files.exists(target) || Files.size(target) != content.length) {
                Path partial = Files.createTempFile(target.getParent(), "flotilla-fault-proxy-", ".part");
                Files.write(partial, content);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the fault proxy's jar to " + System.getProperty("java.io.tmpdir"), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

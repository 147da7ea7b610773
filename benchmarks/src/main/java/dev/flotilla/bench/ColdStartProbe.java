package dev.flotilla.bench;

import java.util.List;
import java.util.Locale;

import dev.flotilla.engine.DockerEngine;
import org.testcontainers.DockerClientFactory;

/**
 * One fresh JVM of the cold-start measurement ({@link ColdStart}): finds the engine, starts one
 * busybox httpd service and says so at once (the parent times that from the JVM's launch), then
 * starts it again in the same, now warm, JVM. Prints its own timings in one line.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        Contender contender = switch (args[0]) {
            case "floor" -> null;
            case "flotilla" -> new FlotillaContender();
            default -> throw new IllegalArgumentException("floor or flotilla, not " + args[0]);
        };
        long began = System.nanoTime();
        // Engine discovery: Testcontainers' for both (Flotilla's engine is found through it).
        if (contender == null) {
            DockerClientFactory.instance().client();
            contender = new DockerJavaFloor();
        } else {
            DockerEngine.get();
        }
        long connected = System.nanoTime();
        Contender.Deployment first = contender.start(Scenario.single(), Busybox.HTTPD);
        long firstReady = System.nanoTime();
        System.out.println("FIRST_READY");
        first.close();
        long secondStart = System.nanoTime();
        Contender.Deployment second = contender.start(Scenario.single(), Busybox.HTTPD);
        long secondReady = System.nanoTime();
        second.close();
        System.out.println(String.format(Locale.ROOT, "TIMINGS %.3f %.3f %.3f", ms(began, connected), ms(connected, firstReady),
                ms(secondStart, secondReady)));
        System.exit(0);
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    /** The probe's command line, with this JVM's class path. */
    static List<String> command(String mode) {
        return List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ColdStartProbe.class.getName(), mode);
    }
}

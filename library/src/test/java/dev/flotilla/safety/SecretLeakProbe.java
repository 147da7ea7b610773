package dev.flotilla.safety;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceStartException;
import dev.flotilla.engine.DockerEngine;

/**
 * Run in a child JVM with every logger at TRACE: uses a secret in every way Flotilla can, prints
 * what Flotilla shows of it, and whether the container really received it. The test then
 * searches the whole output for the secret.
 */
public final class SecretLeakProbe {

    public static void main(String[] args) throws Exception {
        String secret = System.getProperty("probe.secret");
        var definition = Flotilla.topology("secretprobe")
                .service("app", "busybox:1.36", s -> s.secret("API_TOKEN", secret).env("PLAIN", "visible")
                        .command("sh", "-c", "echo -n \"$API_TOKEN\" | sha256sum; sleep 600")
                        .waitForLog("[0-9a-f]{64}", 1))
                .build();
        System.out.println("DEFINITION " + definition);
        try (RunningTopology running = definition.start()) {
            var app = running.service("app");
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
            System.out.println("SECRET_DELIVERED " + app.logs().startsWith(expected));
            String[] env = DockerEngine.get().client().inspectContainerCmd(app.containerId()).exec().getConfig().getEnv();
            System.out.println("INSPECT_ENV " + String.join(",", env));
            System.out.println("RUNNING " + running + " " + app);
        }
        try {
            Flotilla.topology("secretprobe-failing")
                    .service("app", "busybox:1.36", s -> s.secret("API_TOKEN", secret)
                            .command("sh", "-c", "exit 3").waitForLog("never", 1).startupTimeout(Duration.ofSeconds(5)))
                    .build().start();
        } catch (ServiceStartException e) {
            System.out.println("FAILURE " + e.getMessage());
        }
        System.out.println("PROBE DONE");
        System.exit(0);
    }
}

package dev.flotilla.lifecycle;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.engine.Labels;

/**
 * Run in child JVMs: starts (or reuses) the reusable two-service topology named by the first
 * argument, and prints its session and its instance's containers. The second argument says what
 * then: {@code use} checks both services and ends; {@code hold} holds the instance until a line
 * arrives on standard input; {@code hold-broken} first stops the service {@code box}, as a test
 * may, then holds it.
 */
public final class HeldReuseProbe {

    public static void main(String[] args) throws Exception {
        String mode = args[1];
        try (RunningTopology running = Flotilla.topology(args[0]).reuse(true)
                .service("cache", "redis:7", s -> s.ports(6379))
                .service("box", "busybox:1.36", s -> s.command("sleep", "3600"))
                .build()
                .start()) {
            System.out.println("SESSION " + Labels.SESSION_ID);
            System.out.println("INSTANCE " + running.instanceId() + " " + running.service("cache").containerId()
                    + " " + running.service("box").containerId());
            if (mode.equals("use")) {
                System.out.println("USED " + ping(running) + " " + running.service("box").exec("echo", "ok").stdout().trim());
            } else {
                if (mode.equals("hold-broken")) {
                    running.service("box").stop();
                }
                System.out.println("HOLDING");
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                System.out.println("STILL " + ping(running));
            }
        }
        System.exit(0);
    }

    private static String ping(RunningTopology running) {
        return running.service("cache").exec("redis-cli", "ping").stdout().trim();
    }
}

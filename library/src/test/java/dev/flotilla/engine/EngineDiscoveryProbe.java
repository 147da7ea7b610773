package dev.flotilla.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;

/** Run where only Testcontainers' settings say where the engine is: starts a Redis, prints where it is reached and its answer. */
public final class EngineDiscoveryProbe {

    public static void main(String[] args) throws Exception {
        try (RunningTopology running = Flotilla.topology("discovery").service("cache", "redis:7", s -> s.ports(6379)).build().start()) {
            ServiceHandle cache = running.service("cache");
            System.out.println("HOST " + cache.host());
            try (Socket socket = new Socket(cache.host(), cache.mappedPort(6379))) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                System.out.println("REPLY " + new String(in.readNBytes(7), StandardCharsets.US_ASCII).strip());
            }
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e);
        }
        System.exit(0);
    }
}

package dev.flotilla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void starts() throws Exception {
        var def = Flotilla.topology("smoke")
                .service("cache", "redis:7", s -> s.ports(6379))
                .service("web", "busybox:1.36", s -> s.ports(8080).command("httpd", "-f", "-p", "8080").waitForHttp(8080, "/", 404).dependsOn("cache"))
                .build();
        long t = System.nanoTime();
        try (var running = def.start()) {
            System.out.println("started in " + (System.nanoTime() - t) / 1_000_000 + " ms");
            System.out.println(running.service("cache").address(6379));
            var r = running.service("web").exec("sh", "-c", "echo PING | nc -w 1 cache 6379");
            System.out.println(r);
            assertThat(r.stdout()).contains("PONG");
        }
    }
}

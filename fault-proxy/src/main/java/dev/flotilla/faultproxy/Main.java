package dev.flotilla.faultproxy;

import java.security.Security;
import java.util.concurrent.CountDownLatch;

/**
 * The entry point of the runnable jar: {@code java -jar flotilla-fault-proxy.jar --control-port PORT
 * --forward LISTEN_PORT=UPSTREAM_HOST:UPSTREAM_PORT [--forward ...]}. Exits with 2 on a bad command line, 1 if
 * a port cannot be bound; otherwise runs until killed.
 */
public final class Main {

    /** The line printed on standard output once every listener and the control server are bound. */
    public static final String READY_LINE = "flotilla-fault-proxy ready";

    private Main() {
    }

    /** Runs the proxy; see the class description. */
    public static void main(String[] args) throws InterruptedException {
        ProxyConfig config;
        try {
            config = CommandLineParser.parse(args);
        } catch (UsageException usage) {
            System.err.println("flotilla-fault-proxy: " + usage.getMessage());
            System.exit(2);
            return;
        }
        // An upstream restarted by a test comes back at a new address; the JVM's DNS cache would keep the old one.
        Security.setProperty("networkaddress.cache.ttl", "0");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
        FaultProxy proxy;
        try {
            proxy = FaultProxy.start(config, System.out);
        } catch (Exception startFailure) {
            System.err.println("flotilla-fault-proxy: " + startFailure.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "fault-proxy-shutdown"));
        System.out.println(READY_LINE);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}

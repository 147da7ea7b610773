package dev.flotilla.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.JavaApp;
import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;

/**
 * The shop: five containers, declared once, used by the tests (as an annotation on the test
 * class) and by {@link ShopLauncher} (through {@code Flotilla.fromAnnotations(ShopStack.class)}).
 *
 * <pre>
 * gateway --+-- orders ----- postgres
 *           +-- inventory -- redis
 * </pre>
 *
 * <p>The three Java services run from images Flotilla builds from this module's class path; they
 * reach each other and the databases by service name on the topology's network. Their JVMs are
 * kept small (a 96 MB heap, the serial collector, the quick compiler only): five containers share
 * one laptop, and these services never run long enough for the optimising compiler to pay off.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
// Suite scope: every test class annotated with @ShopStack shares one running stack.
@Topology(name = "shop", scope = Scope.SUITE)
@Service(name = "postgres", image = "postgres:15", ports = 5432,
        env = {"POSTGRES_DB=shop", "POSTGRES_USER=shop", "POSTGRES_PASSWORD=shop"},
        // The image logs this line once for its init run and once when it really serves.
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
@Service(name = "redis", image = "redis:7", ports = 6379,
        waitFor = @WaitFor(log = "Ready to accept connections"))
@Service(name = "orders",
        javaApp = @JavaApp(mainClass = "dev.flotilla.demo.orders.OrdersApp", jvmArgs = {"-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"}),
        ports = 8080, dependsOn = "postgres",
        // Seconds: a database that does not answer fails the call instead of holding it (and storing it late).
        env = {"DB_URL=jdbc:postgresql://postgres:5432/shop?connectTimeout=2&socketTimeout=5", "DB_USER=shop", "DB_PASSWORD=shop"},
        waitFor = @WaitFor(http = "/health", port = 8080))
@Service(name = "inventory",
        javaApp = @JavaApp(mainClass = "dev.flotilla.demo.inventory.InventoryApp", jvmArgs = {"-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"}),
        ports = 8080, dependsOn = "redis",
        env = {"REDIS_HOST=redis", "REDIS_PORT=6379", "INITIAL_STOCK=widget=100,gadget=25"},
        waitFor = @WaitFor(http = "/health", port = 8080))
@Service(name = "gateway",
        javaApp = @JavaApp(mainClass = "dev.flotilla.demo.gateway.GatewayApp", jvmArgs = {"-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"}),
        ports = 8080, dependsOn = {"orders", "inventory"},
        env = {"ORDERS_URL=http://orders:8080", "INVENTORY_URL=http://inventory:8080"},
        waitFor = @WaitFor(http = "/health", port = 8080))
public @interface ShopStack {
}

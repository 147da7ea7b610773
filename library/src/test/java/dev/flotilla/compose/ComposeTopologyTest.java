package dev.flotilla.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.engine.Labels;
import dev.flotilla.support.DockerState;
import dev.flotilla.support.StartOrder;
import org.junit.jupiter.api.Test;

/**
 * A realistic compose file read by Flotilla, no compose CLI: a database seeded by init scripts
 * from a bind mount and kept in a named volume, a migration job it must be healthy for, a cache
 * with a health check and tmpfs, and a web server built from its Dockerfile that waits for both,
 * alone on the front and back networks; plus a service declared in code, on the front network,
 * that depends on a compose service.
 */
class ComposeTopologyTest {

    static final String SHOP = "src/test/resources/compose/shop/compose.yaml";

    @Test
    void startsTheComposeFilesServicesInDependencyOrderWiredAsTheFileSays() throws Exception {
        long since = Instant.now().getEpochSecond();
        String instanceId;
        try (RunningTopology running = Flotilla.topology("compose-shop")
                .composeFile(SHOP)
                .service("client", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("web").networks("front"))
                .build().start()) {
            instanceId = running.instanceId();

            // The order: the job after the database was healthy, the web server after the job and the cache, the
            // client after the web server (processes; Docker may have started the dependents' containers ahead).
            assertThat(DockerState.createdServices("compose-shop", since)).containsExactlyInAnyOrder("db", "cache", "migrate", "web", "client");
            assertThat(StartOrder.processBegan(instanceId, "migrate")).isAfterOrEqualTo(StartOrder.ready(instanceId, "db"));
            assertThat(StartOrder.processBegan(instanceId, "web")).isAfterOrEqualTo(StartOrder.ready(instanceId, "migrate"))
                    .isAfterOrEqualTo(StartOrder.ready(instanceId, "cache"));
            assertThat(StartOrder.processBegan(instanceId, "client")).isAfterOrEqualTo(StartOrder.ready(instanceId, "web"));
            ServiceHandle migrate = running.service("migrate");
            assertThat(migrate.state().exitCode()).hasValue(0);
            assertThat(migrate.logs()).contains("migrated");

            // The database: seeded from the bind-mounted init scripts, migrated by the job, reached on its published port.
            ServiceHandle db = running.service("db");
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://" + db.host() + ":" + db.mappedPort(5432) + "/shop", "shop", "s3cret")) {
                assertThat(count(connection, "select count(*) from products")).isEqualTo(3);
                assertThat(count(connection, "select count(*) from orders")).isEqualTo(2);
            }
            assertThat(DockerState.volumes(Labels.TOPOLOGY, instanceId)).as("the named volume pgdata").isEqualTo(1);

            // The web server: built with the build argument from .env, its exposed port published for the test.
            ServiceHandle web = running.service("web");
            assertThat(get(URI.create("http://" + web.host() + ":" + web.mappedPort(80) + "/"))).isEqualTo("hello from .env\n");
            assertThat(web.exec("pwd").stdout().strip()).isEqualTo("/www");
            assertThat(web.exec("env").stdout()).contains("SHOP_MODE=test", "SHOP_REGION=eu west", "SHOP_DB=db:5432")
                    .doesNotContain("SHOP_CACHE");
            assertThat(web.exec("cat", "/etc/hosts").stdout()).contains("10.0.0.7\tlegacy.internal");
            assertThat(DockerState.client().inspectContainerCmd(web.containerId()).exec().getConfig().getLabels())
                    .containsEntry("com.example.team", "shop");

            // The cache: healthy, its data on tmpfs.
            ServiceHandle cache = running.service("cache");
            assertThat(cache.exec("redis-cli", "ping").stdout().strip()).isEqualTo("PONG");
            assertThat(cache.exec("grep", " /data ", "/proc/mounts").stdout()).startsWith("tmpfs /data tmpfs");

            // A service declared in code on the front network reaches the web server by its alias there, and not the database.
            ServiceHandle client = running.service("client");
            assertThat(client.exec("wget", "-qO-", "http://shop-web/").stdout()).isEqualTo("hello from .env\n");
            assertThat(client.exec("sh", "-c", "nslookup shop-web >/dev/null 2>&1 && echo resolved || echo unknown").stdout()).isEqualTo("resolved\n");
            assertThat(client.exec("sh", "-c", "nslookup db >/dev/null 2>&1 && echo resolved || echo unknown").stdout()).isEqualTo("unknown\n");
            assertThat(web.exec("sh", "-c", "nc -w 2 db 5432 </dev/null && echo reachable").stdout()).isEqualTo("reachable\n");
            assertThat(DockerState.networks(Labels.TOPOLOGY, instanceId)).as("front and back, and the default one unless handed on")
                    .isEqualTo(running.networkName().contains(instanceId) ? 3 : 2);
        }
        assertThat(DockerState.leftovers(instanceId)).as("containers, network and volume of the instance").isZero();
    }

    private static int count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static String get(URI uri) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}

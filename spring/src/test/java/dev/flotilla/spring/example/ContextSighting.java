package dev.flotilla.spring.example;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.flotilla.RunningTopology;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What one test of a scope fixture saw: its topology instance, its application context, where the
 * context's data source points, and the SKUs in its instance's database, read with JDBC on the
 * published port after the test wrote its own through the application.
 *
 * @param test the fixture test's name
 * @param instanceId the topology instance it ran against
 * @param context the application context it was given
 * @param dataSourceUrl the URL of the context's data source
 * @param dbPort the published port of its instance's database
 * @param skus the SKUs in its instance's database
 */
record ContextSighting(String test, String instanceId, ConfigurableApplicationContext context, String dataSourceUrl, int dbPort,
        List<String> skus) {

    static final List<ContextSighting> SEEN = new CopyOnWriteArrayList<>();

    /** Writes an order with SKU {@code test} through the application's repository, then records what this test sees. */
    static void record(String test, RunningTopology topology, ConfigurableApplicationContext context) throws SQLException {
        context.getBean(OrderRepository.class).save(new Order(null, test, 1));
        int dbPort = topology.service("db").mappedPort(5432);
        String dataSourceUrl;
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            dataSourceUrl = connection.getMetaData().getURL();
        }
        List<String> skus = new ArrayList<>();
        try (Connection jdbc = DriverManager.getConnection("jdbc:postgresql://" + topology.service("db").address(5432) + "/shop", "shop", "shop");
                ResultSet rows = jdbc.createStatement().executeQuery("select sku from orders order by id")) {
            while (rows.next()) {
                skus.add(rows.getString(1));
            }
        }
        SEEN.add(new ContextSighting(test, topology.instanceId(), context, dataSourceUrl, dbPort, skus));
    }

    static ContextSighting of(String test) {
        return SEEN.stream().filter(s -> s.test.equals(test)).findFirst().orElseThrow(() -> new AssertionError("no test " + test + " ran: " + SEEN));
    }
}

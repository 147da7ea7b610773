package dev.flotilla.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.flotilla.ServiceHandle;
import redis.clients.jedis.RedisClient;

/** The shop's data read directly, past the services: stock in Redis, orders in PostgreSQL, on their published ports. */
final class ShopData {

    private ShopData() {
    }

    /** The stock of an article, as Redis holds it. */
    static long stock(ServiceHandle redis, String sku) {
        try (RedisClient client = RedisClient.create(redis.host(), redis.mappedPort(6379))) {
            return Long.parseLong(client.get("stock:" + sku));
        }
    }

    /** A JDBC connection to the shop's database. */
    static Connection database(ServiceHandle postgres) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + postgres.address(5432) + "/shop", "shop", "shop");
    }

    /** How many orders PostgreSQL holds. */
    static long orderCount(ServiceHandle postgres) throws SQLException {
        try (Connection db = database(postgres); Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from orders")) {
            count.next();
            return count.getLong(1);
        }
    }
}

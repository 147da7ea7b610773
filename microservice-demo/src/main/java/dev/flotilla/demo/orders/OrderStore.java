package dev.flotilla.demo.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Orders in PostgreSQL, table {@code orders}; one short-lived connection per call keeps it simple. */
final class OrderStore {

    private final String url;
    private final String user;
    private final String password;

    OrderStore(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void createSchema() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists orders ("
                    + " id bigserial primary key,"
                    + " sku text not null,"
                    + " quantity integer not null check (quantity > 0),"
                    + " created_at timestamptz not null default now())");
        }
    }

    Order insert(String sku, int quantity) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into orders (sku, quantity) values (?, ?) returning id, sku, quantity, created_at")) {
            insert.setString(1, sku);
            insert.setInt(2, quantity);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return order(row);
            }
        }
    }

    Optional<Order> find(long id) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("select id, sku, quantity, created_at from orders where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(order(row)) : Optional.empty();
            }
        }
    }

    boolean healthy() {
        try (Connection connection = connect()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Order order(ResultSet row) throws SQLException {
        return new Order(row.getLong("id"), row.getString("sku"), row.getInt("quantity"),
                row.getTimestamp("created_at").toInstant().toString());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}

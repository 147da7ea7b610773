package dev.flotilla.demo.orders;

import java.sql.SQLException;
import java.util.Map;

import dev.flotilla.demo.http.Env;
import dev.flotilla.demo.http.JsonHttp;
import dev.flotilla.demo.http.JsonHttp.Reply;

/**
 * The orders service: stores orders in PostgreSQL.
 *
 * <ul>
 *   <li>{@code POST /orders} {@code {"sku","quantity"}}: 201 with the stored {@link Order};</li>
 *   <li>{@code GET /orders/{id}}: 200 with the order, or 404;</li>
 *   <li>{@code GET /health}: 200 when the database answers, 503 otherwise.</li>
 * </ul>
 *
 * <p>Environment: {@code DB_URL} (JDBC URL), {@code DB_USER}, {@code DB_PASSWORD}, {@code PORT} (8080).
 */
public final class OrdersApp {

    private OrdersApp() {
    }

    public static void main(String[] args) throws Exception {
        OrderStore store = new OrderStore(Env.required("DB_URL"), Env.required("DB_USER"), Env.required("DB_PASSWORD"));
        store.createSchema();
        int port = Integer.parseInt(Env.get("PORT", "8080"));
        JsonHttp.on(port)
                .route("/health", request -> store.healthy()
                        ? Reply.of(200, Map.of("status", "UP"))
                        : Reply.of(503, Map.of("status", "DOWN", "reason", "the database does not answer")))
                .route("/orders", request -> orders(store, request))
                .start();
        System.out.println("orders: listening on " + port);
    }

    private static Reply orders(OrderStore store, JsonHttp.Request request) throws SQLException {
        String path = request.path();
        if (path.equals("/orders") && request.method().equals("POST")) {
            OrderRequest order = request.body(OrderRequest.class).validated();
            return Reply.of(201, store.insert(order.sku(), order.quantity()));
        }
        if (path.matches("/orders/\\d{1,18}") && request.method().equals("GET")) {
            long id = Long.parseLong(path.substring("/orders/".length()));
            return store.find(id)
                    .map(found -> Reply.of(200, found))
                    .orElseGet(() -> Reply.of(404, Map.of("error", "no order " + id)));
        }
        return Reply.of(404, Map.of("error", "no route " + request.method() + " " + path));
    }
}

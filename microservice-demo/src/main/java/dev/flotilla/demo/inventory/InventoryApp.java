package dev.flotilla.demo.inventory;

import java.util.Map;
import java.util.OptionalLong;

import dev.flotilla.demo.http.Env;
import dev.flotilla.demo.http.JsonHttp;
import dev.flotilla.demo.http.JsonHttp.Reply;
import dev.flotilla.demo.orders.OrderRequest;
import redis.clients.jedis.RedisClient;

/**
 * The inventory service: stock levels in Redis.
 *
 * <ul>
 *   <li>{@code GET /stock/{sku}}: 200 {@code {"sku","available"}}, or 404;</li>
 *   <li>{@code POST /reservations} {@code {"sku","quantity"}}: 200 {@code {"sku","available"}} with the stock left,
 *       409 when there is too little, 404 for an unknown article;</li>
 *   <li>{@code POST /releases} {@code {"sku","quantity"}}: puts stock back, 200;</li>
 *   <li>{@code GET /health}: 200 when Redis answers, 503 otherwise.</li>
 * </ul>
 *
 * <p>Environment: {@code REDIS_HOST}, {@code REDIS_PORT} (6379), {@code INITIAL_STOCK}
 * ({@code "widget=100,gadget=25"}, set only where Redis has no stock yet), {@code PORT} (8080).
 */
public final class InventoryApp {

    private InventoryApp() {
    }

    public static void main(String[] args) throws Exception {
        RedisClient redis = RedisClient.create(Env.required("REDIS_HOST"), Integer.parseInt(Env.get("REDIS_PORT", "6379")));
        StockStore stock = new StockStore(redis);
        stock.seed(Env.get("INITIAL_STOCK", ""));
        int port = Integer.parseInt(Env.get("PORT", "8080"));
        JsonHttp.on(port)
                .route("/health", request -> stock.healthy()
                        ? Reply.of(200, Map.of("status", "UP"))
                        : Reply.of(503, Map.of("status", "DOWN", "reason", "Redis does not answer")))
                .route("/stock/", request -> available(stock, request.path().substring("/stock/".length())))
                .route("/reservations", request -> reserve(stock, request.body(OrderRequest.class).validated()))
                .route("/releases", request -> {
                    OrderRequest release = request.body(OrderRequest.class).validated();
                    return Reply.of(200, Map.of("sku", release.sku(), "available", stock.release(release.sku(), release.quantity())));
                })
                .start();
        System.out.println("inventory: listening on " + port);
    }

    private static Reply available(StockStore stock, String sku) {
        OptionalLong available = stock.available(sku);
        return available.isPresent()
                ? Reply.of(200, Map.of("sku", sku, "available", available.getAsLong()))
                : Reply.of(404, Map.of("error", "unknown article " + sku));
    }

    private static Reply reserve(StockStore stock, OrderRequest request) {
        long left = stock.reserve(request.sku(), request.quantity());
        if (left == -2) {
            return Reply.of(404, Map.of("error", "unknown article " + request.sku()));
        }
        if (left == -1) {
            return Reply.of(409, Map.of("error", "not enough stock of " + request.sku(), "sku", request.sku(),
                    "available", stock.available(request.sku()).orElse(0)));
        }
        return Reply.of(200, Map.of("sku", request.sku(), "available", left));
    }
}

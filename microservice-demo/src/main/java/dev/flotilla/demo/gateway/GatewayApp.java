package dev.flotilla.demo.gateway;

import java.net.URI;
import java.security.Security;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flotilla.demo.gateway.Downstream.Answer;
import dev.flotilla.demo.gateway.Downstream.Unavailable;
import dev.flotilla.demo.http.Env;
import dev.flotilla.demo.http.JsonHttp;
import dev.flotilla.demo.http.JsonHttp.Reply;
import dev.flotilla.demo.orders.OrderRequest;

/**
 * The gateway, the stack's only entry: places orders by reserving stock at inventory and then
 * storing the order at orders, and passes reads through.
 *
 * <ul>
 *   <li>{@code POST /orders} {@code {"sku","quantity"}}: 201 with the stored order; 409 when the stock is too low;</li>
 *   <li>{@code GET /orders/{id}} and {@code GET /stock/{sku}}: passed to orders and inventory;</li>
 *   <li>{@code GET /health}: 200 while the gateway runs.</li>
 * </ul>
 *
 * <p>When a service it needs does not answer within {@code DOWNSTREAM_TIMEOUT_MS} (800 ms), the
 * gateway answers 503 with {@code {"error": "<name> is unavailable", "service": "<name>", "detail": "..."}},
 * and recovers by itself once the service is back. An order that orders could not store gives its
 * reserved stock back.
 *
 * <p>Environment: {@code ORDERS_URL} and {@code INVENTORY_URL} (such as {@code http://orders:8080}),
 * {@code DOWNSTREAM_TIMEOUT_MS} (800), {@code PORT} (8080).
 */
public final class GatewayApp {

    private GatewayApp() {
    }

    public static void main(String[] args) throws Exception {
        // Services restart with new addresses, and a name that did not resolve a moment ago may resolve now.
        Security.setProperty("networkaddress.cache.ttl", "0");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
        // A shop's gateway answers fast or says why: a service slower than this counts as unavailable.
        Duration timeout = Duration.ofMillis(Long.parseLong(Env.get("DOWNSTREAM_TIMEOUT_MS", "800")));
        Downstream orders = new Downstream("orders", URI.create(Env.required("ORDERS_URL")), timeout);
        Downstream inventory = new Downstream("inventory", URI.create(Env.required("INVENTORY_URL")), timeout);
        int port = Integer.parseInt(Env.get("PORT", "8080"));
        JsonHttp.on(port)
                .route("/health", request -> Reply.of(200, Map.of("status", "UP")))
                .route("/orders", request -> guarded(() -> request.method().equals("POST") && request.path().equals("/orders")
                        ? placeOrder(orders, inventory, request.body(OrderRequest.class).validated())
                        : passOn(orders.get(request.path()))))
                .route("/stock/", request -> guarded(() -> passOn(inventory.get(request.path()))))
                .start();
        System.out.println("gateway: listening on " + port);
    }

    private static Reply placeOrder(Downstream orders, Downstream inventory, OrderRequest order) {
        Answer reserved = inventory.post("/reservations", order);
        if (!reserved.ok()) {
            return passOn(reserved);
        }
        Answer stored;
        try {
            stored = orders.post("/orders", order);
        } catch (Unavailable e) {
            release(inventory, order);
            throw e;
        }
        if (!stored.ok()) {
            release(inventory, order);
        }
        return passOn(stored);
    }

    /** The order was not stored: gives the stock back, best effort (the failure to report is the order's). */
    private static void release(Downstream inventory, OrderRequest order) {
        try {
            inventory.post("/releases", order);
        } catch (Unavailable e) {
            System.err.println("gateway: could not give back " + order + ": " + e.getMessage());
        }
    }

    private static Reply passOn(Answer answer) {
        return Reply.of(answer.status(), answer.body());
    }

    private static Reply guarded(java.util.function.Supplier<Reply> call) {
        try {
            return call.get();
        } catch (Unavailable e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.service() + " is unavailable");
            body.put("service", e.service());
            body.put("detail", e.getMessage());
            return Reply.of(503, body);
        }
    }
}

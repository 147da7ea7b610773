package dev.flotilla.spring.example;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** The REST API: orders placed and read, and the stock of a SKU as the inventory service says. */
@RestController
public class OrderController {

    private final OrderRepository orders;
    private final OrderLookup lookup;
    private final RestClient inventory;

    OrderController(OrderRepository orders, OrderLookup lookup, @Value("${inventory.url:http://localhost:8081}") String inventoryUrl) {
        this.orders = orders;
        this.lookup = lookup;
        this.inventory = RestClient.create(inventoryUrl);
    }

    /** Places an order: {@code {"sku": "widget", "quantity": 2}}. */
    @PostMapping("/orders")
    public ResponseEntity<Order> place(@RequestBody Order order) {
        return ResponseEntity.status(HttpStatus.CREATED).body(orders.save(new Order(null, order.sku(), order.quantity())));
    }

    /** One order, read through the cache. */
    @GetMapping("/orders/{id}")
    public ResponseEntity<Order> get(@PathVariable("id") long id) {
        Order order = lookup.find(id);
        return order == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(order);
    }

    /** The stock of a SKU, from the inventory service at {@code inventory.url}. */
    @GetMapping("/stock/{sku}")
    public String stock(@PathVariable("sku") String sku) {
        return inventory.get().uri("/stock/{sku}", sku).retrieve().body(String.class).strip();
    }
}

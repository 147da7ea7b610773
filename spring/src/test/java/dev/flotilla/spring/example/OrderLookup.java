package dev.flotilla.spring.example;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** Reads an order through the {@code orders} cache (Redis). */
@Component
public class OrderLookup {

    private final OrderRepository orders;

    OrderLookup(OrderRepository orders) {
        this.orders = orders;
    }

    /** The order, from the cache if it was read before; null if there is none. */
    @Cacheable(cacheNames = "orders", unless = "#result == null")
    public Order find(long id) {
        return orders.findById(id).orElse(null);
    }
}

package dev.flotilla.spring.example;

import java.io.Serializable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An order; serializable, since the Redis cache keeps it in Java's serialized form. */
@Table("orders")
public record Order(@Id Long id, String sku, int quantity) implements Serializable {
}

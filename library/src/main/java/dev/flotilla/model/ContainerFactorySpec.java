package dev.flotilla.model;

import java.util.Objects;
import java.util.function.Supplier;

import org.apiguardian.api.API;

/**
 * Where a service's Testcontainers container object comes from: a factory the user names. Two
 * specs are equal when they name the same factory ({@code description}), so that equal
 * declarations share a suite instance.
 *
 * @param description the factory, such as {@code "com.example.OrdersTest#postgres"}
 * @param factory makes a new, unstarted container object (a {@code GenericContainer})
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ContainerFactorySpec(String description, Supplier<?> factory) {

    public ContainerFactorySpec {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(factory, "factory");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContainerFactorySpec spec && spec.description.equals(description);
    }

    @Override
    public int hashCode() {
        return description.hashCode();
    }

    @Override
    public String toString() {
        return description;
    }
}

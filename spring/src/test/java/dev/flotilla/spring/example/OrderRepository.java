package dev.flotilla.spring.example;

import org.springframework.data.repository.CrudRepository;

/** The orders table, through Spring Data JDBC. */
public interface OrderRepository extends CrudRepository<Order, Long> {
}

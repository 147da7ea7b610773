package dev.flotilla.spring.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The application under test: orders over REST, kept in PostgreSQL through Spring Data JDBC,
 * read through a Redis cache, with stock levels from an HTTP inventory service. Its settings are
 * in {@code application.properties}; nothing in it knows about Flotilla.
 */
@SpringBootApplication(excludeName = {
        // Not an R2DBC application; R2dbcTest's driver is on the same test class path (Spring Boot 3.5's name, then 4.0's).
        "org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration"})
@EnableCaching
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}

package dev.flotilla.spring.example;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.Service;
import dev.flotilla.WaitFor;

/** The shop's PostgreSQL service, for the scope tests' fixtures: each adds its own {@code @Topology}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Service(name = "db", image = "postgres:15", ports = 5432, env = {"POSTGRES_USER=shop", "POSTGRES_PASSWORD=shop"},
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
public @interface OrdersDatabase {
}

package dev.flotilla.examples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;

/**
 * A whole topology declared once, as a composed annotation, and shared by every class that
 * carries it. With scope SUITE it starts once for the whole test run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Topology(scope = Scope.SUITE)
@Service(name = "db", image = "postgres:15", ports = 5432, env = "POSTGRES_DB=shop", secrets = "POSTGRES_PASSWORD=example",
        waitFor = @WaitFor(log = "database system is ready to accept connections", times = 2))
@Service(name = "cache", image = "redis:7", ports = 6379)
public @interface ShopStack {
}

package dev.flotilla.spring.example;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.Service;
import dev.flotilla.Topology;
import dev.flotilla.spring.ServiceConnection;
import dev.flotilla.spring.ServiceUrl;

/**
 * The shop's dependencies declared once, with what the application gets from them: two PostgreSQL
 * services, so it says which one is the application's; an HTTP inventory service whose URL goes
 * into the application's own property.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Topology
@OrdersDatabase
@Service(name = "audit", image = "postgres:15", ports = 5432, env = "POSTGRES_PASSWORD=audit")
@Service(name = "inventory", image = "busybox:1.36", ports = 8080,
        command = {"sh", "-c", "mkdir -p /www/stock && echo 7 > /www/stock/widget && exec httpd -f -p 8080 -h /www"})
@ServiceConnection(service = "db")
@ServiceUrl(service = "inventory", property = "inventory.url")
public @interface ShopStack {
}

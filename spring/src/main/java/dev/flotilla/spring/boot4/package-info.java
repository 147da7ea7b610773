/**
 * Spring Boot 4.0's connection details interfaces, implemented for Flotilla's services: a class per
 * Spring module adapted to ({@code spring-boot-jdbc}, {@code spring-boot-r2dbc},
 * {@code spring-boot-data-redis}), each naming only that module's types and loaded only where they
 * are on the class path: an application has any of them, or none. Internal.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.flotilla.spring.boot4;

import org.apiguardian.api.API;

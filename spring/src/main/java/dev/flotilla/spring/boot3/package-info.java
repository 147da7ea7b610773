/**
 * Spring Boot 3.5's connection details interfaces, implemented for Flotilla's services: a class per
 * Spring module adapted to, each naming only that module's types and loaded only where they are on
 * the class path. Internal.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.flotilla.spring.boot3;

import org.apiguardian.api.API;

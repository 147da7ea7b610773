/**
 * Spring Boot 3.5's connection details interfaces, implemented for Flotilla's services; loaded only
 * where that line's interfaces are on the class path. Internal.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.flotilla.spring.boot3;

import org.apiguardian.api.API;

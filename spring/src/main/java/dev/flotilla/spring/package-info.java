/**
 * Flotilla for Spring Boot tests: a {@code @SpringBootTest} class that carries a
 * {@link dev.flotilla.Topology @Topology} gets the topology started before its application
 * context, and the context's connection details from the topology's services
 * ({@link dev.flotilla.spring.ServiceConnection @ServiceConnection},
 * {@link dev.flotilla.spring.ServiceUrl @ServiceUrl}), with no property to write. Nothing to
 * register: the module's {@code META-INF/spring.factories} does it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.flotilla.spring;

import org.apiguardian.api.API;

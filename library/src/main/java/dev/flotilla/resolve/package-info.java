/**
 * Turns {@code @Topology} and {@code @Service} annotations into the immutable model. Internal:
 * not part of Flotilla's public API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.flotilla.resolve;

import org.apiguardian.api.API;

/**
 * The engine: starts, watches and removes the containers of a {@link dev.flotilla.model.TopologySpec}
 * on a Docker engine. It knows nothing of JUnit. Internal: not part of Flotilla's public API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.flotilla.engine;

import org.apiguardian.api.API;

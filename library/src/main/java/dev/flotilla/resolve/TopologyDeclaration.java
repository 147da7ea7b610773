package dev.flotilla.resolve;

import dev.flotilla.Scope;
import dev.flotilla.model.TopologySpec;
import org.apiguardian.api.API;

/**
 * A validated topology together with how long a running instance of it lives.
 *
 * @param spec the topology
 * @param scope its lifetime in a test run
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TopologyDeclaration(TopologySpec spec, Scope scope) {
}

/**
 * The JUnit Jupiter adapter: a thin extension that resolves the annotations, asks the engine
 * to start the topology at the start of its scope, keeps it in the extension store (which
 * closes it at the end of the scope) and injects handles and endpoints.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.flotilla.junit;

import org.apiguardian.api.API;

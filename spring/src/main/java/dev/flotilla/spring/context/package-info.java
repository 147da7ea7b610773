/**
 * The Spring TestContext adapter: a context customizer factory that obtains the class's topology
 * instance before its application context is made and keys the context by that instance, the
 * connection details put into the context, and a listener that closes a context when its
 * instance ends. Internal: not part of Flotilla's public API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.flotilla.spring.context;

import org.apiguardian.api.API;

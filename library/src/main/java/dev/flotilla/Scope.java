package dev.flotilla;

import org.apiguardian.api.API;

/** How long one running instance of a {@link Topology @Topology} lives. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Scope {

    /** Started before each test method and removed after it. */
    METHOD,

    /** Started before the first test of the class and removed after its last one (the default). */
    CLASS,

    /**
     * Started by the first class that needs it and removed when the whole test run ends. Every
     * class whose topology is equal (same services with the same settings, however declared)
     * shares the one instance, also when classes run in parallel.
     */
    SUITE
}

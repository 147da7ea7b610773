package dev.flotilla;

import org.apiguardian.api.API;

/** How long one running instance of a {@link Topology @Topology} lives. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Scope {

    /** Started before each test method and removed after it. */
    METHOD,

    /** Started before the first test of the class and removed after its last one (the default). */
    CLASS
}

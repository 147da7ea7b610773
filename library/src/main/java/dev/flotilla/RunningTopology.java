package dev.flotilla;

import java.util.List;

import org.apiguardian.api.API;

/**
 * A started topology: every service ready, all on one Docker network of their own. Closing it
 * removes every container (dependents before their dependencies) and then the network.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RunningTopology extends AutoCloseable {

    /**
     * The topology's name.
     *
     * @return the topology's name
     */
    String name();

    /**
     * The id of this running instance, also the value of the {@code dev.flotilla.topology} label.
     *
     * @return this instance's id
     */
    String instanceId();

    /**
     * The name of the Docker network the services share. Unless {@code flotilla.network.pool=off}
     * (or on Podman), it is a network that topologies of this JVM hand on to one another
     * ({@code flotilla-net-<session>-<n>}), which an earlier topology may have used, with none of
     * its containers left on it; otherwise it is named after this instance.
     *
     * @return the Docker network's name
     */
    String networkName();

    /**
     * The services' names, in start order.
     *
     * @return the service names in start order
     */
    List<String> serviceNames();

    /**
     * The handle of one service.
     *
     * @param name the service's name, as declared
     * @return the handle of that service
     * @throws IllegalArgumentException if the topology has no service of that name
     */
    ServiceHandle service(String name);

    /**
     * The network between the services, where a test cuts or slows links; see {@link TopologyNetwork}.
     *
     * @return the topology's network
     */
    TopologyNetwork network();

    /**
     * Puts the topology back as it was before a test disturbed it: every network fault healed,
     * paused services unpaused, services scaled through their handles scaled back to their
     * declared replicas, and services stopped or killed through their handles started again and
     * awaited. The JUnit extension calls it after each test of a topology that outlives
     * the test.
     *
     * @throws FlotillaException if something could not be put back; the rest is put back all the same
     */
    void heal();

    /**
     * Removes every container and the network. Safe to call more than once.
     *
     * @throws FlotillaException if something could not be removed; every failure is kept, as
     *     suppressed exceptions of the first
     */
    @Override
    void close();
}

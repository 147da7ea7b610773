package dev.flotilla;

import org.apiguardian.api.API;

/**
 * The network between a running topology's services, where a test makes faults: cut or slow a
 * link, or cut a service off from the others. Every fault is healed by {@link ActiveFault#heal()},
 * at the end of a {@code try} block, by {@link #heal()}, and by the JUnit extension after the test
 * that made it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface TopologyNetwork {

    /**
     * The link from {@code client} to {@code server}, both ways. Cutting it works on every link;
     * every other fault needs the link's proxy ({@link ProxiedLink @ProxiedLink}).
     *
     * @param client the name of the service that connects
     * @param server the name of the service it connects to
     * @return the link, on which each call makes a fault
     * @throws IllegalArgumentException if the topology has no such service, or names the same one twice
     */
    NetworkLink between(String client, String server);

    /**
     * Cuts {@code service} off from every other service of the topology, both ways: packets are
     * dropped by the kernel's packet filter in its network namespace. Its published ports still
     * answer the test.
     *
     * @param service the name of the service to cut off
     * @return the fault in place, to heal
     * @throws FlotillaException if the service does not run, or the engine refuses the packet filter
     */
    ActiveFault isolate(String service);

    /** Heals every network fault of this topology that is in place. */
    void heal();
}

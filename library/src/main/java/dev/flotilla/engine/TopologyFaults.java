package dev.flotilla.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flotilla.ActiveFault;
import dev.flotilla.Fault;
import dev.flotilla.FlotillaException;
import dev.flotilla.NetworkLink;
import dev.flotilla.TopologyNetwork;
import dev.flotilla.model.FaultSpec;
import dev.flotilla.model.LinkSpec;

/**
 * The faults of one running topology: where each goes (the link's proxy, or the packet filter in
 * the client's network namespace), which are in place, and which services a test paused or
 * stopped, so that {@link #healEverything()} puts the topology back as it was.
 */
final class TopologyFaults implements TopologyNetwork {

    private final StartedTopology topology;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<AppliedFault> active = new LinkedHashSet<>();
    private final Set<TopologyServiceHandle> paused = new LinkedHashSet<>();
    private final Set<TopologyServiceHandle> stopped = new LinkedHashSet<>();

    TopologyFaults(StartedTopology topology) {
        this.topology = topology;
    }

    @Override
    public NetworkLink between(String client, String server) {
        topology.service(client);
        topology.service(server);
        if (client.equals(server)) {
            throw new IllegalArgumentException("The link from \"" + client + "\" to itself is not a link; name two different services.");
        }
        return new FaultLink(this, client, server, Fault.Direction.BOTH, 1.0);
    }

    @Override
    public ActiveFault isolate(String service) {
        topology.service(service);
        return apply(FaultSpec.isolation(service));
    }

    /** Puts {@code fault} in place: through the link's proxy where it has one, otherwise with the packet filter. */
    ActiveFault apply(FaultSpec fault) {
        topology.service(fault.client());
        LinkSpec link = fault.link();
        boolean proxied = !fault.isolate() && topology.spec().proxiedLinks().contains(link);
        if (!fault.isolate()) {
            topology.service(fault.server());
            if (fault.needsProxy() && !proxied) {
                throw new FlotillaException("Cannot put " + fault.description() + " in place: the link has no fault proxy, and only a cut"
                        + " works without one. Fix: declare @ProxiedLink(from = \"" + link.client() + "\", to = \"" + link.server()
                        + "\") on the topology (or .proxiedLink(...) in code), or put the fault on the test method with @Fault.");
            }
        }
        requireRunning(fault.client(), fault);
        if (!fault.isolate()) {
            requireRunning(fault.server(), fault);
        }
        String tag = "flotilla-fault-" + counter.incrementAndGet();
        if (proxied) {
            ProxyControl control = new ProxyControl(topology.container(FaultProxies.serviceName(link)));
            List<String> toxics = control.add(tag, fault);
            return register(fault.description() + ", through the link's proxy", () -> control.remove(toxics));
        }
        // Every running replica of the client gets the filter, against every running replica of each peer.
        List<ServiceContainer> targets = running(fault.client());
        boolean incoming = fault.direction() != Fault.Direction.UPSTREAM;
        boolean outgoing = fault.direction() != Fault.Direction.DOWNSTREAM;
        List<String> rules = new ArrayList<>();
        for (String peer : fault.isolate() ? otherServices(fault.client()) : List.of(fault.server())) {
            // Every address of every running replica of the peer: on each network the two share, it could be reached.
            for (ServiceContainer replica : running(peer)) {
                for (String address : replica.ipAddresses()) {
                    rules.addAll(PacketFilter.dropRules(address, incoming, outgoing, tag));
                }
            }
        }
        List<ServiceContainer> filtered = new ArrayList<>();
        Runnable undo = () -> filtered.forEach(target -> PacketFilter.remove(topology, target, rules));
        try {
            for (ServiceContainer target : targets) {
                PacketFilter.add(topology, target, rules);
                filtered.add(target);
            }
        } catch (RuntimeException e) {
            try {
                undo.run();
            } catch (RuntimeException undoFailure) {
                e.addSuppressed(undoFailure);
            }
            throw e;
        }
        return register(fault.description() + ", by the packet filter of \"" + fault.client() + "\"", undo);
    }

    private List<ServiceContainer> running(String service) {
        return topology.containers(service).stream().filter(ServiceContainer::isRunning).toList();
    }

    private List<String> otherServices(String service) {
        return topology.spec().services().stream().map(s -> s.name())
                .filter(name -> !name.equals(service) && topology.container(name).isRunning()).toList();
    }

    private void requireRunning(String service, FaultSpec fault) {
        ServiceContainer container = topology.container(service);
        if (!container.isRunning() || container.isPaused()) {
            throw new FlotillaException("Cannot put " + fault.description() + " in place: service \"" + service + "\" "
                    + container.describeState().replaceFirst("^it ", "") + ". Fix: start it (or unpause it) first.");
        }
    }

    private AppliedFault register(String description, Runnable undo) {
        AppliedFault fault = new AppliedFault(description, undo, this);
        synchronized (active) {
            active.add(fault);
        }
        return fault;
    }

    void forget(AppliedFault fault) {
        synchronized (active) {
            active.remove(fault);
        }
    }

    /** The faults in place now. */
    List<ActiveFault> active() {
        synchronized (active) {
            return List.copyOf(active);
        }
    }

    @Override
    public void heal() {
        List<RuntimeException> failures = new ArrayList<>();
        for (ActiveFault fault : active()) {
            try {
                fault.heal();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        throwFirst(failures, "heal every network fault");
    }

    /** A test paused the replica (unpaused when healing), or unpaused it. */
    void paused(TopologyServiceHandle replica, boolean isPaused) {
        mark(paused, replica, isPaused);
    }

    /** A test stopped or killed the replica (started again when healing), or started it. */
    void stopped(TopologyServiceHandle replica, boolean isStopped) {
        mark(stopped, replica, isStopped);
    }

    /** A scale-down removed the replica: nothing of it to heal. */
    void removed(TopologyServiceHandle replica) {
        mark(paused, replica, false);
        mark(stopped, replica, false);
    }

    private static void mark(Set<TopologyServiceHandle> services, TopologyServiceHandle service, boolean in) {
        synchronized (services) {
            if (in) {
                services.add(service);
            } else {
                services.remove(service);
            }
        }
    }

    /**
     * Heals every network fault, unpauses what a test paused, scales each service back to its
     * declared replicas and starts again what a test stopped, awaiting readiness.
     */
    void healEverything() {
        List<RuntimeException> failures = new ArrayList<>();
        try {
            heal();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        for (TopologyServiceHandle replica : copy(paused)) {
            try {
                replica.unpause();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        for (var service : topology.spec().services()) {
            try {
                if (topology.replicaHandles(service.name()).size() != service.replicas()) {
                    ServiceScaling.scale(topology, service.name(), service.replicas());
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        for (TopologyServiceHandle replica : copy(stopped)) {
            try {
                replica.start();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        throwFirst(failures, "put topology \"" + topology.name() + "\" back as it was");
    }

    private static List<TopologyServiceHandle> copy(Set<TopologyServiceHandle> services) {
        synchronized (services) {
            return List.copyOf(services);
        }
    }

    private static void throwFirst(List<RuntimeException> failures, String what) {
        if (failures.isEmpty()) {
            return;
        }
        FlotillaException failure = new FlotillaException("Could not " + what + ": " + failures.get(0).getMessage(), failures.get(0));
        failures.subList(1, failures.size()).forEach(failure::addSuppressed);
        throw failure;
    }
}

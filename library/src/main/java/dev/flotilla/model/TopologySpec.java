package dev.flotilla.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import dev.flotilla.PullPolicy;
import org.apiguardian.api.API;

/**
 * A whole topology: its name, when to pull images, and its services in declaration order.
 *
 * @param name the topology's name
 * @param pullPolicy when images are pulled
 * @param services the services, in declaration order
 * @param reuse whether a running instance may be kept and reused by later runs (when reuse is also enabled globally)
 * @param proxiedLinks the links that carry Flotilla's fault proxy, so that tests can slow or break them
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TopologySpec(String name, PullPolicy pullPolicy, List<ServiceSpec> services, boolean reuse, List<LinkSpec> proxiedLinks) {

    public TopologySpec {
        services = List.copyOf(services);
        proxiedLinks = List.copyOf(new LinkedHashSet<>(proxiedLinks));
    }

    /** A topology without proxied links. */
    public TopologySpec(String name, PullPolicy pullPolicy, List<ServiceSpec> services, boolean reuse) {
        this(name, pullPolicy, services, reuse, List.of());
    }

    /** This topology with {@code links} proxied too. */
    public TopologySpec withProxiedLinks(List<LinkSpec> links) {
        List<LinkSpec> all = new ArrayList<>(proxiedLinks);
        all.addAll(links);
        return new TopologySpec(name, pullPolicy, services, reuse, all);
    }

    /** The service of that name, if any. */
    public Optional<ServiceSpec> service(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
    }
}

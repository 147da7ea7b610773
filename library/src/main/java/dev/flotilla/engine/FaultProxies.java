package dev.flotilla.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flotilla.model.JavaAppSpec;
import dev.flotilla.model.LinkSpec;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import dev.flotilla.model.WaitSpec;

/**
 * Where the fault proxies of a topology's {@link TopologySpec#proxiedLinks() proxied links} go:
 * one proxy service per link, a Java application built from {@link FaultProxyJar}, started
 * before the link's client, whose name for the server (and for each of its aliases) is made to
 * resolve to the proxy's address ({@code /etc/hosts} of the client's container).
 */
final class FaultProxies {

    /** The proxy's control port, published for the test JVM to switch faults. */
    static final int CONTROL_PORT = 8474;
    /** The label that marks a proxy service's container, with its link as value. */
    static final String LINK_LABEL = "dev.flotilla.proxy.link";
    private static final String READY_LINE = "flotilla-fault-proxy ready";

    private FaultProxies() {
    }

    /** The proxy service's name for {@code link}. */
    static String serviceName(LinkSpec link) {
        return "proxy-" + link.client() + "-to-" + link.server();
    }

    /** Whether {@code service} is a fault proxy that this class placed. */
    static boolean isProxy(ServiceSpec service) {
        return service.labels().containsKey(LINK_LABEL);
    }

    /** {@code spec} with a proxy service for each proxied link, each link's client depending on its proxy. */
    static TopologySpec place(TopologySpec spec) {
        if (spec.proxiedLinks().isEmpty()) {
            return spec;
        }
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec service : spec.services()) {
            List<String> proxies = spec.proxiedLinks().stream().filter(l -> l.client().equals(service.name()))
                    .map(FaultProxies::serviceName).toList();
            if (proxies.isEmpty()) {
                services.add(service);
            } else {
                List<String> dependsOn = new ArrayList<>(service.dependsOn());
                dependsOn.addAll(proxies);
                services.add(service.toBuilder().dependsOn(dependsOn).build());
            }
        }
        for (LinkSpec link : spec.proxiedLinks()) {
            services.add(proxyService(link, spec.service(link.server()).orElseThrow()));
        }
        return new TopologySpec(spec.name(), spec.pullPolicy(), services, spec.reuse(), spec.proxiedLinks());
    }

    private static ServiceSpec proxyService(LinkSpec link, ServiceSpec server) {
        List<String> command = new ArrayList<>(List.of("--control-port", String.valueOf(CONTROL_PORT)));
        for (int port : server.allContainerPorts()) {
            command.add("--forward");
            command.add(port + "=" + server.name() + ":" + port);
        }
        // A small heap; the optimising compiler stays on: with the quick compiler only, bulk transfers lost 22% of
        // their throughput through the proxy instead of 13% (benchmarks, proxy part).
        JavaAppSpec app = new JavaAppSpec(FaultProxyJar.mainClass(), List.of("flotilla-fault-proxy-*.jar"),
                List.of("-Xmx64m", "-XX:+UseSerialGC"), JavaAppSpec.DEFAULT_BASE_IMAGE);
        return ServiceSpec.builder(serviceName(link))
                .javaApp(Optional.of(app))
                .ports(List.of(CONTROL_PORT))
                .command(command)
                .waitFor(List.of(new WaitSpec.Log(READY_LINE, 1, Duration.ofSeconds(60))))
                .label(LINK_LABEL, link.toString())
                .build();
    }

    /** For the service {@code client}: each name it must reach through a proxy, mapped to that proxy's service. */
    static Map<String, String> redirectedNames(TopologySpec spec, String client) {
        Map<String, String> names = new LinkedHashMap<>();
        for (LinkSpec link : spec.proxiedLinks()) {
            if (link.client().equals(client)) {
                spec.service(link.server()).ifPresent(server -> server.networkAliases().forEach(name -> names.put(name, serviceName(link))));
            }
        }
        return names;
    }
}

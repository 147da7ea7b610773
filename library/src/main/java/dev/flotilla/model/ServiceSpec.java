package dev.flotilla.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apiguardian.api.API;

/**
 * One service of a topology, as declared.
 *
 * @param name unique name in the topology, also a network alias
 * @param image image reference
 * @param ports container ports published on random host ports
 * @param fixedPorts container ports published on fixed host ports
 * @param env environment variables
 * @param secrets environment variables whose values are secret: handed to the container without
 *     showing in its Docker configuration, and masked wherever Flotilla prints anything
 * @param command command replacing the image's CMD; empty keeps it
 * @param entrypoint entry point replacing the image's ENTRYPOINT; empty keeps it
 * @param dependsOn names of services that must be ready first
 * @param aliases further network aliases
 * @param waitFor readiness conditions, all of which must hold; empty means the default
 * @param startupTimeout how long the service may take from start to ready
 * @param memoryBytes memory limit in bytes, 0 for none
 * @param files files copied in before start
 * @param labels extra container labels
 * @param bindAddress host address published ports bind to
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ServiceSpec(
        String name,
        String image,
        List<Integer> ports,
        List<FixedPort> fixedPorts,
        Map<String, String> env,
        Map<String, Secret> secrets,
        List<String> command,
        List<String> entrypoint,
        List<String> dependsOn,
        List<String> aliases,
        List<WaitSpec> waitFor,
        Duration startupTimeout,
        long memoryBytes,
        List<FileCopy> files,
        Map<String, String> labels,
        String bindAddress) {

    public ServiceSpec {
        ports = List.copyOf(ports);
        fixedPorts = List.copyOf(fixedPorts);
        // Sorted copies: equal declarations compare equal and print the same, whatever their order.
        env = java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        secrets = java.util.Collections.unmodifiableMap(new TreeMap<>(secrets));
        command = List.copyOf(command);
        entrypoint = List.copyOf(entrypoint);
        dependsOn = List.copyOf(dependsOn);
        aliases = List.copyOf(aliases);
        waitFor = List.copyOf(waitFor);
        files = List.copyOf(files);
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** Every container port this service publishes, random and fixed, in declaration order. */
    public List<Integer> allContainerPorts() {
        List<Integer> all = new ArrayList<>(ports);
        fixedPorts.forEach(f -> all.add(f.containerPort()));
        return all;
    }

    /** The secret values, for masking them in anything printed. */
    public List<String> secretValues() {
        return secrets.values().stream().map(Secret::value).filter(v -> !v.isEmpty()).toList();
    }

    /** The service's name followed by its aliases. */
    public List<String> networkAliases() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return all;
    }
}

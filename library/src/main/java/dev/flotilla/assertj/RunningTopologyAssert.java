package dev.flotilla.assertj;

import java.util.ArrayList;
import java.util.List;

import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a started topology and, through {@link #service(String)}, on each of its services.
 *
 * <pre>{@code
 * assertThat(topology).hasServices("db", "cache").allServicesAreRunning();
 * assertThat(topology).service("migrations").hasExitCode(0);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RunningTopologyAssert extends AbstractAssert<RunningTopologyAssert, RunningTopology> {

    /**
     * Assertions on {@code actual}; prefer {@link FlotillaAssertions#assertThat(RunningTopology)}.
     *
     * @param actual the topology to check; may be {@code null}, which every assertion then reports
     */
    public RunningTopologyAssert(RunningTopology actual) {
        super(actual, RunningTopologyAssert.class);
    }

    /**
     * Assertions on the service named {@code name}, with this assertion's description.
     *
     * @param name the service's name
     * @return the assertions on that service
     * @throws AssertionError if the topology has no service of that name
     */
    public ServiceHandleAssert service(String name) {
        hasServices(name);
        ServiceHandleAssert service = new ServiceHandleAssert(actual.service(name));
        if (info.hasDescription()) {
            service.info.description(info.description());
        }
        return service;
    }

    /**
     * Verifies that the topology has services of each of these names (and maybe others).
     *
     * @param names the expected service names
     * @return this assertion, for chaining
     */
    public RunningTopologyAssert hasServices(String... names) {
        isNotNull();
        List<String> missing = new ArrayList<>(List.of(names));
        missing.removeAll(actual.serviceNames());
        if (!missing.isEmpty()) {
            throw assertionError(new Failure("Expecting topology \"" + actual.name() + "\" to have " + (names.length == 1 ? "a service" : "services")
                    + " named " + String.join(", ", quoted(List.of(names))) + ", but it has no " + String.join(", ", quoted(missing))
                    + "; its services are " + String.join(", ", quoted(actual.serviceNames().stream().sorted().toList())) + "."));
        }
        return myself;
    }

    /**
     * Verifies that every service's container is running; the message shows the state and log tail of each that is not.
     *
     * @return this assertion, for chaining
     */
    public RunningTopologyAssert allServicesAreRunning() {
        isNotNull();
        List<String> stopped = new ArrayList<>();
        StringBuilder reports = new StringBuilder();
        for (String name : actual.serviceNames().stream().sorted().toList()) { // start order varies from run to run
            ServiceHandle service = actual.service(name);
            if (!service.state().running()) {
                stopped.add(name);
                reports.append("\n").append(ServiceReport.name(service)).append(":").append(ServiceReport.of(service));
            }
        }
        if (!stopped.isEmpty()) {
            throw assertionError(new Failure("Expecting every service of topology \"" + actual.name() + "\" to be running, but "
                    + String.join(", ", quoted(stopped)) + (stopped.size() == 1 ? " is" : " are") + " not." + reports));
        }
        return myself;
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(name -> "\"" + name + "\"").toList();
    }
}

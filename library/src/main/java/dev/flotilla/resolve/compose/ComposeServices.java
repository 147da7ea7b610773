package dev.flotilla.resolve.compose;

import java.util.List;
import java.util.Map;

import dev.flotilla.model.ServiceSpec;
import org.apiguardian.api.API;

/**
 * The services read from compose files, and where each was declared ({@code compose.yaml:12}),
 * for errors found later about them.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ComposeServices(List<ServiceSpec> services, Map<String, String> declaredAt) {

    public ComposeServices {
        services = List.copyOf(services);
        declaredAt = Map.copyOf(declaredAt);
    }
}

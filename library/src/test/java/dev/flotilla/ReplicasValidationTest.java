package dev.flotilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/** How many replicas a service may run, checked with the rest of the declaration before Docker is touched. */
class ReplicasValidationTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Topology
    @Service(name = "web", image = "busybox:1.36", replicas = 0)
    @interface NoReplica {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Topology
    @Service(name = "web", image = "busybox:1.36", replicas = 2, fixedPorts = "18080:80")
    @interface ReplicasWithFixedPorts {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Topology
    @Service(name = "web", image = "busybox:1.36", replicas = 3, ports = 80)
    @Service(name = "web-3", image = "busybox:1.36")
    @interface ReplicaNamedLikeAService {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Topology
    @Service(name = "web", image = "busybox:1.36", replicas = 3, ports = 80, aliases = "www")
    @interface ThreeReplicas {
    }

    static GenericContainer<?> box() {
        return new GenericContainer<>("busybox:1.36");
    }

    @Test
    void aServiceRunsAtLeastOneReplica() {
        assertThatThrownBy(() -> Flotilla.fromAnnotations(NoReplica.class))
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("@Service(name = \"web\").replicas on @" + NoReplica.class.getName()
                        + ": 0 replicas: a service runs at least one. Fix: ask for 1 replica or more.");
        assertThatThrownBy(() -> Flotilla.topology("none").service("web", "busybox:1.36", s -> s.replicas(-1)).build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("service \"web\" replicas in Flotilla.topology(\"none\"): -1 replicas: a service runs at least one."
                        + " Fix: ask for 1 replica or more.");
    }

    @Test
    void replicasCannotShareFixedHostPorts() {
        assertThatThrownBy(() -> Flotilla.fromAnnotations(ReplicasWithFixedPorts.class))
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("@Service(name = \"web\").replicas on @" + ReplicasWithFixedPorts.class.getName()
                        + ": 2 replicas of a service with fixed host ports [18080:80]: each replica would publish the same host port,"
                        + " and only one container can. Fix: publish the ports with ports = ... (each replica then gets host ports"
                        + " of its own), or run one replica.");
    }

    @Test
    void aContainerFactoryMakesOneContainer() {
        assertThatThrownBy(() -> Flotilla.topology("factory").container("db", ReplicasValidationTest::box, s -> s.replicas(2)).build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessageStartingWith("service \"db\" replicas in Flotilla.topology(\"factory\"): 2 replicas of a service made by"
                        + " a container factory (")
                .hasMessageEndingWith("): its one container object cannot run as several containers. Fix: run the service from an"
                        + " image (image = ...) to have replicas, or declare one service per container object.");
    }

    @Test
    void aReplicaCannotBeNamedLikeAnotherService() {
        assertThatThrownBy(() -> Flotilla.fromAnnotations(ReplicaNamedLikeAService.class))
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("@Service(name = \"web\").replicas on @" + ReplicaNamedLikeAService.class.getName()
                        + ": replica 3 of service \"web\" is named \"web-3\" (its container and log files), as is another service"
                        + " of the topology. Fix: rename service \"web-3\", or run fewer replicas.");
    }

    @Test
    void annotationAndCodeDeclareTheSameReplicas() {
        assertThat(Flotilla.fromAnnotations(ThreeReplicas.class)).isEqualTo(Flotilla.topology("ThreeReplicas")
                .service("web", "busybox:1.36", s -> s.replicas(3).ports(80).aliases("www"))
                .build());
        assertThat(Flotilla.fromAnnotations(ThreeReplicas.class)).isNotEqualTo(Flotilla.topology("ThreeReplicas")
                .service("web", "busybox:1.36", s -> s.ports(80).aliases("www"))
                .build());
    }
}

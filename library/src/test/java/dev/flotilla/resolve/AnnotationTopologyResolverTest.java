package dev.flotilla.resolve;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.flotilla.CopyFile;
import dev.flotilla.Fault;
import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaConfigurationException;
import dev.flotilla.PullPolicy;
import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import dev.flotilla.model.FixedPort;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.WaitSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The resolver on its own: what annotations become, and every rejected declaration with its message. Touches no Docker. */
class AnnotationTopologyResolverTest {

    @Retention(RUNTIME)
    @Target(TYPE)
    @Topology(scope = Scope.METHOD)
    @Service(name = "db", image = "postgres:15", ports = 5432, env = {"POSTGRES_PASSWORD=pw", "POSTGRES_DB=shop"})
    @Service(name = "api", image = "busybox:1.36", ports = 8080, dependsOn = "db", aliases = "backend",
            command = {"httpd", "-f", "-p", "8080"},
            waitFor = {@WaitFor(http = "/health", port = 8080, status = 204, timeout = "5s"), @WaitFor(log = "started", times = 2)},
            startupTimeout = "2m", memory = "64m", labels = "team=shop", fixedPorts = "18081:8081",
            files = @CopyFile(source = "classpath:simplelogger.properties", target = "/etc/x.properties", mode = 0600))
    @interface ShopStack {
    }

    @ShopStack
    static class FirstUser {
    }

    @ShopStack
    static class SecondUser {
    }

    @Test
    void composedAnnotationBecomesTheModel() {
        TopologyDeclaration declaration = AnnotationTopologyResolver.resolve(FirstUser.class).orElseThrow();

        assertThat(declaration.scope()).isEqualTo(Scope.METHOD);
        assertThat(declaration.spec().name()).isEqualTo("ShopStack");
        assertThat(declaration.spec().pullPolicy()).isEqualTo(PullPolicy.DEFAULT);
        ServiceSpec api = declaration.spec().service("api").orElseThrow();
        assertThat(api.image()).isEqualTo("busybox:1.36");
        assertThat(api.ports()).containsExactly(8080);
        assertThat(api.fixedPorts()).containsExactly(new FixedPort(18081, 8081));
        assertThat(api.dependsOn()).containsExactly("db");
        assertThat(api.networkAliases()).containsExactly("api", "backend");
        assertThat(api.command()).containsExactly("httpd", "-f", "-p", "8080");
        assertThat(api.startupTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(api.memoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(api.labels()).isEqualTo(Map.of("team", "shop"));
        assertThat(api.waitFor()).containsExactly(
                new WaitSpec.Http(8080, "/health", 204, Duration.ofSeconds(5)),
                new WaitSpec.Log("started", 2, Duration.ofMinutes(2)));
        assertThat(api.files()).singleElement().satisfies(f -> assertThat(f.mode()).isEqualTo(0600));
        assertThat(declaration.spec().service("db").orElseThrow().env())
                .isEqualTo(Map.of("POSTGRES_PASSWORD", "pw", "POSTGRES_DB", "shop"));
    }

    @Test
    void twoClassesWithTheSameComposedAnnotationHaveEqualModels() {
        assertThat(AnnotationTopologyResolver.resolve(FirstUser.class))
                .isEqualTo(AnnotationTopologyResolver.resolve(SecondUser.class));
    }

    @Test
    void codeApiAndAnnotationsBuildEqualTopologies() {
        var fromCode = Flotilla.topology("Simple")
                .service("cache", "redis:7", s -> s.ports(6379).env("A", "1"))
                .service("web", "busybox:1.36", s -> s.dependsOn("cache").waitForLog("up", 1))
                .build();
        assertThat(Flotilla.fromAnnotations(Simple.class)).isEqualTo(fromCode);
    }

    @Topology
    @Service(name = "cache", image = "redis:7", ports = 6379, env = "A=1")
    @Service(name = "web", image = "busybox:1.36", dependsOn = "cache", waitFor = @WaitFor(log = "up"))
    static class Simple {
    }

    @Topology(name = "base")
    @Service(name = "cache", image = "redis:7")
    static class Base {
    }

    static class Inheriting extends Base {
    }

    @Test
    void subclassesInheritTheTopology() {
        var declaration = AnnotationTopologyResolver.resolve(Inheriting.class).orElseThrow();
        assertThat(declaration.spec().name()).isEqualTo("base");
        assertThat(declaration.spec().services()).extracting(ServiceSpec::name).containsExactly("cache");
    }

    @Topology
    @Service(name = "cache", image = "redis:7")
    static class Outer {
        @Nested
        class Same {
        }

        @Nested
        @Service(name = "web", image = "busybox:1.36", dependsOn = "cache")
        class Adding {
        }
    }

    @Test
    void nestedClassesSeeTheEnclosingServicesFirst() {
        var outer = AnnotationTopologyResolver.resolve(Outer.class).orElseThrow();
        var same = AnnotationTopologyResolver.resolve(Outer.Same.class).orElseThrow();
        var adding = AnnotationTopologyResolver.resolve(Outer.Adding.class).orElseThrow();

        assertThat(same.spec()).isEqualTo(outer.spec());
        assertThat(adding.spec().services()).extracting(ServiceSpec::name).containsExactly("cache", "web");
    }

    @Test
    void classWithoutTopologyResolvesToNothing() {
        assertThat(AnnotationTopologyResolver.resolve(String.class)).isEmpty();
    }

    @Test
    void defaultsWaitForTheDeclaredPortsAndSixtySeconds() {
        ServiceSpec cache = AnnotationTopologyResolver.resolve(Simple.class).orElseThrow().spec().service("cache").orElseThrow();
        assertThat(cache.waitFor()).isEmpty();
        assertThat(cache.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(cache.bindAddress()).as("chosen by the engine: loopback where it is local").isEmpty();
        assertThat(cache.memoryBytes()).isZero();
    }

    // ---- rejected declarations: each message names where, the bad value and the fix ----

    private static final String WHERE = "dev.flotilla.resolve.AnnotationTopologyResolverTest$";

    @Topology
    @Service(name = "api", image = "busybox:1.36", dependsOn = "dbb")
    @Service(name = "db", image = "postgres:15")
    static class UnknownDependency {
    }

    @Test
    void unknownDependencyIsNamed() {
        assertRejected(UnknownDependency.class,
                "@Service(name = \"api\").dependsOn on " + WHERE + "UnknownDependency: unknown service \"dbb\""
                        + " (declared services: [api, db]). Fix: name a service declared in the same topology,"
                        + " or declare one named \"dbb\".");
    }

    @Topology
    @Service(name = "db", image = "postgres:15", ports = 5432)
    @Service(name = "migrate", image = "busybox:1.36", job = true, dependsOn = "db")
    @Service(name = "api", image = "busybox:1.36", dependsOn = "migrate")
    static class FaultsOnWhatDoesNotRun {
        @Test
        @Fault(from = "frontend", to = "db", kind = Fault.Kind.BANDWIDTH, kilobytesPerSecond = -5)
        @Fault(from = "migrate", to = "db", kind = Fault.Kind.DOWN)
        void faulty() {
        }
    }

    @Test
    void faultsAreCheckedWithTheDeclaration() {
        String method = WHERE + "FaultsOnWhatDoesNotRun.faulty()";
        assertRejected(FaultsOnWhatDoesNotRun.class, "3 problems in the topology declaration:"
                + "\n  - @Fault(from = \"frontend\", to = \"db\").kilobytesPerSecond on " + method + ": rate -5 is negative."
                + " Fix: set kilobytesPerSecond to zero or more."
                + "\n  - @Fault(from = \"frontend\", to = \"db\").from on " + method + ": unknown service \"frontend\""
                + " (declared services: [db, migrate, api]). Fix: name a service declared in the topology."
                + "\n  - @Fault(from = \"migrate\", to = \"db\").from on " + method + ": service \"migrate\" is a one-shot job,"
                + " which has exited before the test runs. Fix: fault a service that keeps running.");
    }

    @Topology
    @Service(name = "a", image = "busybox:1.36", dependsOn = "c")
    @Service(name = "b", image = "busybox:1.36", dependsOn = "a")
    @Service(name = "c", image = "busybox:1.36", dependsOn = "b")
    @Service(name = "d", image = "busybox:1.36")
    static class Cycle {
    }

    @Test
    void dependencyCycleIsNamedStepByStep() {
        assertRejected(Cycle.class,
                "@Service(name = \"a\").dependsOn on " + WHERE + "Cycle: dependency cycle a -> c -> b -> a."
                        + " Fix: remove one of the dependsOn entries on this cycle.");
    }

    @Topology
    @Service(name = "a", image = "busybox:1.36", dependsOn = "a")
    static class SelfDependency {
    }

    @Test
    void selfDependencyIsRejected() {
        assertRejected(SelfDependency.class,
                "@Service(name = \"a\").dependsOn on " + WHERE + "SelfDependency: service \"a\" depends on itself."
                        + " Fix: remove \"a\" from dependsOn.");
    }

    @Topology
    @Service(name = "db", image = "postgres:15")
    @Service(name = "db", image = "redis:7")
    static class DuplicateNames {
    }

    @Test
    void duplicateNamesAreRejected() {
        assertRejected(DuplicateNames.class,
                "@Service(name = \"db\").name on " + WHERE + "DuplicateNames: duplicate service name \"db\"."
                        + " Fix: give each service of the topology a unique name.");
    }

    @Topology
    @Service(name = "db", image = "postgres:15")
    @Service(name = "cache", image = "redis:7", aliases = "db")
    static class AliasClash {
    }

    @Test
    void aliasThatClashesWithAServiceNameIsRejected() {
        assertRejected(AliasClash.class,
                "@Service(name = \"cache\").aliases on " + WHERE + "AliasClash: network name \"db\" is already used by"
                        + " service \"db\". Fix: give each service and alias a unique name.");
    }

    @Topology
    @Service(name = "db", image = "Postgres:15")
    static class InvalidImage {
    }

    @Test
    void invalidImageReferenceIsRejected() {
        assertRejected(InvalidImage.class,
                "@Service(name = \"db\").image on " + WHERE + "InvalidImage: invalid image reference \"Postgres:15\"."
                        + " Fix: use a reference such as \"redis:7\", \"postgres:15\" or"
                        + " \"registry.example:5000/team/app:1.2\" (repository names are lower-case).");
    }

    @Topology
    @Service(name = "db", image = "postgres:15", ports = 70000)
    static class PortOutOfRange {
    }

    @Test
    void portOutOfRangeIsRejected() {
        assertRejected(PortOutOfRange.class,
                "@Service(name = \"db\").ports on " + WHERE + "PortOutOfRange: container port 70000 is out of range."
                        + " Fix: use a port between 1 and 65535.");
    }

    @Topology
    @Service(name = "web", image = "busybox:1.36", ports = {8080, 9090}, waitFor = @WaitFor(http = "/"))
    static class AmbiguousHttpPort {
    }

    @Test
    void httpCheckWithoutPortAmongSeveralIsRejected() {
        assertRejected(AmbiguousHttpPort.class,
                "@Service(name = \"web\").waitFor on " + WHERE + "AmbiguousHttpPort: HTTP check without a port, and the"
                        + " service declares 2 ports [8080, 9090]. Fix: name the port of the HTTP check, such as"
                        + " @WaitFor(http = \"/\", port = 8080).");
    }

    @Topology
    @Service(name = "db", image = "postgres:15", waitFor = @WaitFor(healthcheck = true))
    @Service(name = "published", image = "postgres:15", ports = 5432, waitFor = @WaitFor(healthcheck = true))
    @Service(name = "alone", image = "postgres:15", waitFor = @WaitFor(healthcheck = true, exposedPorts = false))
    static class HealthChecked {
    }

    @Test
    void aHealthCheckWaitsForAnExposedPortWhereNoPortIsDeclaredUnlessSwitchedOff() {
        var spec = AnnotationTopologyResolver.resolve(HealthChecked.class).orElseThrow().spec();
        Duration timeout = ServiceSpec.DEFAULT_STARTUP_TIMEOUT;
        assertThat(spec.service("db").orElseThrow().waitFor()).containsExactly(new WaitSpec.Healthcheck(timeout, true));
        assertThat(spec.service("published").orElseThrow().waitFor()).containsExactly(new WaitSpec.Healthcheck(timeout, false));
        assertThat(spec.service("alone").orElseThrow().waitFor()).containsExactly(new WaitSpec.Healthcheck(timeout, false));
        assertThat(Flotilla.fromAnnotations(HealthChecked.class)).isEqualTo(Flotilla.topology("HealthChecked")
                .service("db", "postgres:15", s -> s.waitForHealthcheck())
                .service("published", "postgres:15", s -> s.waitForHealthcheck().ports(5432))
                .service("alone", "postgres:15", s -> s.waitForHealthcheck(false))
                .build());
    }

    @Topology
    @Service(name = "web", image = "busybox:1.36", ports = 80, waitFor = @WaitFor(exposedPorts = false))
    static class ExposedPortsWithoutHealthcheck {
    }

    @Test
    void exposedPortsWithoutAHealthCheckIsRejected() {
        assertRejected(ExposedPortsWithoutHealthcheck.class,
                "@Service(name = \"web\").waitFor on " + WHERE + "ExposedPortsWithoutHealthcheck: exposedPorts = false is set on a"
                        + " @WaitFor without healthcheck = true; it only qualifies a health check."
                        + " Fix: add healthcheck = true, or remove exposedPorts = false.");
    }

    @Topology
    @Service(name = "web", image = "busybox:1.36", waitFor = @WaitFor(log = "x", http = "/"))
    static class TwoChecksInOne {
    }

    @Test
    void oneWaitForWithTwoKindsIsRejected() {
        assertRejected(TwoChecksInOne.class,
                "@Service(name = \"web\").waitFor on " + WHERE + "TwoChecksInOne: one @WaitFor sets 2 kinds of check"
                        + " [http, log]. Fix: use one @WaitFor per check, such as"
                        + " waitFor = {@WaitFor(log = \"...\"), @WaitFor(port = 8080)}.");
    }

    @Topology
    @Service(name = "web", image = "busybox:1.36", env = "NOEQUALS", startupTimeout = "soon", memory = "lots")
    static class BadValues {
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        assertRejected(BadValues.class, """
                3 problems in the topology declaration:
                  - @Service(name = "web").startupTimeout on %1$sBadValues: "soon" is not a positive duration. Fix: write a duration such as "500ms", "30s" or "2m".
                  - @Service(name = "web").env on %1$sBadValues: "NOEQUALS" is not "KEY=value". Fix: write it as "KEY=value".
                  - @Service(name = "web").memory on %1$sBadValues: "lots" is not a memory size. Fix: write a size such as "256m" or "1g".""".formatted(WHERE));
    }

    @Topology
    @Service(name = "web", image = "busybox:1.36", files = @CopyFile(source = "classpath:no/such/file.txt", target = "etc/x"))
    static class BadFile {
    }

    @Test
    void missingFileSourceAndRelativeTargetAreRejected() {
        assertRejected(BadFile.class, """
                2 problems in the topology declaration:
                  - @Service(name = "web").files on %1$sBadFile: target "etc/x" is not an absolute path. Fix: write the full path in the container, such as "/etc/x".
                  - @Service(name = "web").files on %1$sBadFile: source "classpath:no/such/file.txt" does not exist. Fix: point at an existing file, or at a class-path resource as "classpath:path/to/file".""".formatted(WHERE));
    }

    @Topology
    static class NoServices {
    }

    @Test
    void topologyWithoutServicesIsRejected() {
        assertRejected(NoServices.class,
                "@Topology on " + WHERE + "NoServices: the topology \"NoServices\" declares no service."
                        + " Fix: add at least one @Service (or .service(...)) to the topology.");
    }

    @Test
    void codeApiErrorsNameTheBuilderCall() {
        assertThatThrownBy(() -> Flotilla.topology("shop").service("api", "busybox:1.36", s -> s.dependsOn("db")).build())
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage("service \"api\" dependsOn in Flotilla.topology(\"shop\"): unknown service \"db\" (declared services: [api])."
                        + " Fix: name a service declared in the same topology, or declare one named \"db\".");
    }

    @Test
    void imageReferencesFollowDockerGrammar() {
        for (String valid : List.of("redis", "redis:7", "library/redis:7.0", "localhost:5000/team/app:1.2",
                "ghcr.io/org/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "a_b.c-d/e__f:T.1-x")) {
            assertThat(dev.flotilla.model.ImageReference.isValid(valid)).as(valid).isTrue();
        }
        for (String invalid : List.of("", "Redis:7", "redis:", ":7", "redis:7:8", "-redis", "redis@sha256:xyz", "a//b", "with space")) {
            assertThat(dev.flotilla.model.ImageReference.isValid(invalid)).as(invalid).isFalse();
        }
    }

    private static void assertRejected(Class<?> testClass, String message) {
        assertThatThrownBy(() -> AnnotationTopologyResolver.resolve(testClass))
                .isInstanceOf(FlotillaConfigurationException.class)
                .hasMessage(message);
    }
}

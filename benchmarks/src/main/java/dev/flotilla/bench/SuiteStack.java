package dev.flotilla.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;

/** The suite scenario's two httpd services, declared once and shared by every class of the run ({@code Scope.SUITE}). */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Topology(scope = Scope.SUITE)
@Service(name = "web1", image = "busybox:1.36", ports = 8080, command = {"httpd", "-f", "-p", "8080"},
        waitFor = @WaitFor(port = 8080, http = "/", status = 404))
@Service(name = "web2", image = "busybox:1.36", ports = 8080, command = {"httpd", "-f", "-p", "8080"},
        waitFor = @WaitFor(port = 8080, http = "/", status = 404))
@interface SuiteStack {
}

package com.example.junitrange;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.Topology;

/** One topology for the whole run, shared by every class that carries it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Topology(name = "compat-suite", scope = Scope.SUITE)
@Service(name = "cache", image = "redis:7", ports = 6379)
@Service(name = "client", image = "busybox:1.36", command = {"sleep", "600"}, dependsOn = "cache")
@interface SuiteStack {
}

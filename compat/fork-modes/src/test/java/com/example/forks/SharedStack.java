package com.example.forks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.Topology;

/** The topology of six test classes (and six integration tests): one instance per JVM, however many classes it runs. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Topology(name = "compat-forks-shared", scope = Scope.SUITE)
@Service(name = "box", image = "busybox:1.36", command = {"sleep", "600"})
@interface SharedStack {
}

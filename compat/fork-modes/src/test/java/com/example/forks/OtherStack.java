package com.example.forks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.Scope;
import dev.flotilla.Service;
import dev.flotilla.Topology;

/** A second, different topology of two test classes (and two integration tests). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Topology(name = "compat-forks-other", scope = Scope.SUITE)
@Service(name = "box", image = "busybox:1.36", command = {"sleep", "601"})
@interface OtherStack {
}

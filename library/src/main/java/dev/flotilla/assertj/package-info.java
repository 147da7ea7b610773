/**
 * AssertJ assertions for Flotilla's types: {@link dev.flotilla.assertj.FlotillaAssertions#assertThat(dev.flotilla.ServiceHandle)
 * assertThat(service)}{@code .isRunning().logs().containsLineMatching("started in .* ms")}. Their failure messages show the
 * service's state and the last lines of its log.
 *
 * <p>AssertJ is an optional dependency of Flotilla: to use these, add {@code org.assertj:assertj-core} to the test
 * class path yourself. Nothing else in Flotilla uses this package, so a project without AssertJ runs Flotilla as well.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.flotilla.assertj;

import org.apiguardian.api.API;

package dev.flotilla;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * Places Flotilla's fault proxy on the link from one service to another, so that tests can slow
 * it down or break it with {@link TopologyNetwork#between(String, String)}. Inside the topology,
 * {@link #from()}'s name for {@link #to()} (and for each of its aliases) resolves to the proxy,
 * which forwards every port {@link #to()} declares. Without faults the proxy only forwards; links
 * without {@code @ProxiedLink} have no proxy at all.
 *
 * <p>A link named by a {@link Fault @Fault} on a test method of the class is proxied without this
 * annotation. Repeatable; place it beside {@code @Topology}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(ProxiedLinks.class)
public @interface ProxiedLink {

    /**
     * The service that connects: the client of the link.
     *
     * @return the name of the client service
     */
    String from();

    /**
     * The service it connects to: the server of the link.
     *
     * @return the name of the server service
     */
    String to();
}

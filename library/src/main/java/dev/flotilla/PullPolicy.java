package dev.flotilla;

import org.apiguardian.api.API;

/** When Flotilla pulls a service's image before starting a topology. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum PullPolicy {

    /** Use the {@code flotilla.pull.policy} setting, which is {@link #MISSING} unless configured. */
    DEFAULT,

    /** Pull only images that the engine does not have yet. */
    MISSING,

    /** Pull every image, even when the engine has a copy. */
    ALWAYS,

    /** Never pull; an image the engine does not have is an error. */
    NEVER
}

package dev.flotilla.faultproxy;

import java.util.List;

/**
 * What the proxy listens on, as given on the command line.
 *
 * @param controlPort the HTTP control API's port; 0 picks a free one (for tests)
 * @param forwards    at least one listener, each with its upstream
 */
public record ProxyConfig(int controlPort, List<Forward> forwards) {

    /** Copies the forwards, so that the record stays immutable. */
    public ProxyConfig {
        forwards = List.copyOf(forwards);
    }
}

package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which of the engine's pull failures another attempt may cure, in the engine's own words. Touches no Docker. */
class PullFailureWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "received unexpected HTTP status: 503 Service Unavailable",
            "received unexpected HTTP status: 502 Bad Gateway",
            "Get \"https://registry.example.com/v2/\": dial tcp 10.0.0.1:443: connect: connection refused",
            "read tcp 10.0.0.2:51234->10.0.0.1:443: read: connection reset by peer",
            "Get \"https://registry.example.com/v2/\": net/http: TLS handshake timeout",
            "Get \"http://127.0.0.1:5000/v2/\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
            "unexpected EOF"})
    void failuresThatMayPassAreRetried(String words) {
        assertThat(ImagePull.isPassing(words)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "manifest for registry.example.com/app:1 not found: manifest unknown: manifest unknown",
            "pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
            "unauthorized: authentication required",
            "Get \"https://registry.example.com/v2/\": dial tcp: lookup registry.example.com: no such host",
            "toomanyrequests: You have reached your pull rate limit.",
            "failed to register layer: write /usr/lib/x: no space left on device"})
    void failuresThatWillNotPassAreNot(String words) {
        assertThat(ImagePull.isPassing(words)).isFalse();
    }
}

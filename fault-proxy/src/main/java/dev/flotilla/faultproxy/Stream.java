package dev.flotilla.faultproxy;

import java.util.Locale;

/** The direction of data that a toxic affects, named as in Toxiproxy. */
enum Stream {
    /** From the client to the upstream server. */
    UPSTREAM,
    /** From the upstream server to the client; the default, as in Toxiproxy. */
    DOWNSTREAM;

    /** The name used on the control API: {@code upstream} or {@code downstream}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Stream fromWireName(String value) throws InvalidToxicException {
        for (Stream stream : values()) {
            if (stream.wireName().equals(value)) {
                return stream;
            }
        }
        throw new InvalidToxicException("stream must be upstream or downstream, got '" + value + "'");
    }
}

package dev.flotilla.faultproxy;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of fault the proxy can inject, with their attributes, following Toxiproxy's README. */
enum ToxicType {
    /** Delays every chunk of data by {@code latency} +/- {@code jitter} milliseconds, keeping their order. */
    LATENCY(Attribute.required("latency"), Attribute.optional("jitter", 0)),
    /** Limits throughput to {@code rate} KB/s (1 KB = 1000 bytes); 0 means no limit, as in Toxiproxy. */
    BANDWIDTH(Attribute.required("rate")),
    /** Drops all data, and closes the connection after {@code timeout} ms (0: never). */
    TIMEOUT(Attribute.required("timeout")),
    /** Resets the connection (TCP RST) after {@code timeout} ms. */
    RESET_PEER(Attribute.optional("timeout", 0)),
    /** Cuts data into slices of {@code average_size} +/- {@code size_variation} bytes, {@code delay} µs apart. */
    SLICER(Attribute.required("average_size"), Attribute.optional("size_variation", 0), Attribute.optional("delay", 0)),
    /** Closes the connection once {@code bytes} bytes have passed in the stream. */
    LIMIT_DATA(Attribute.required("bytes")),
    /**
     * A partition: nothing of the stream passes, neither data nor its end (FIN), until removed; then what was held
     * passes. While one affects every connection (toxicity 1), whatever its stream, new connections time out.
     */
    CUT,
    /** Takes the whole proxy down: listeners unbound, open connections closed; the stream is ignored. */
    DOWN;

    private final List<Attribute> attributes;

    ToxicType(Attribute... attributes) {
        this.attributes = List.of(attributes);
    }

    /** The name used on the control API, such as {@code reset_peer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    List<Attribute> attributes() {
        return attributes;
    }

    static ToxicType fromWireName(String value) throws InvalidToxicException {
        for (ToxicType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new InvalidToxicException("unknown toxic type '" + value + "'; known types: " + knownTypes());
    }

    private static String knownTypes() {
        return java.util.Arrays.stream(values()).map(ToxicType::wireName).collect(Collectors.joining(", "));
    }
}

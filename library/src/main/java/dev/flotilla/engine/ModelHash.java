package dev.flotilla.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;

/**
 * A SHA-256 of a whole model, for finding a reusable instance of an equal topology. Built from
 * the records' printed form (stable for equal records), plus digests of secret values, which
 * the printed form masks: a changed password is a changed topology.
 */
final class ModelHash {

    private ModelHash() {
    }

    static String of(TopologySpec spec) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(spec.toString().getBytes(StandardCharsets.UTF_8));
            for (ServiceSpec service : spec.services()) {
                service.secrets().forEach((key, secret) -> {
                    digest.update(key.getBytes(StandardCharsets.UTF_8));
                    digest.update(secret.value().getBytes(StandardCharsets.UTF_8));
                });
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

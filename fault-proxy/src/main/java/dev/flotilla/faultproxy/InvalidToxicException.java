package dev.flotilla.faultproxy;

/** A toxic request that cannot be applied; the message is the one-line reason sent back with HTTP 400. */
final class InvalidToxicException extends Exception {
    InvalidToxicException(String message) {
        super(message);
    }
}

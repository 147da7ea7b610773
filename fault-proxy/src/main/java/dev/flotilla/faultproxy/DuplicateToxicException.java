package dev.flotilla.faultproxy;

/** A toxic whose name is already taken; answered with HTTP 409. */
final class DuplicateToxicException extends Exception {
    DuplicateToxicException(String name) {
        super("a toxic named '" + name + "' already exists; delete it first or choose another name");
    }
}

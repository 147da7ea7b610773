package dev.flotilla.faultproxy;

/** A command line the proxy cannot run with; the message is the one line printed before exiting with code 2. */
public final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}

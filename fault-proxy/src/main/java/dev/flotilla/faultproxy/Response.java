package dev.flotilla.faultproxy;

/**
 * An answer of the control API: a status and a plain-text body (empty for 204).
 *
 * @param status the HTTP status code
 * @param body   lines of text, each ending with a newline, or empty
 */
record Response(int status, String body) {

    static Response ok(String body) {
        return new Response(200, body);
    }

    static Response noContent() {
        return new Response(204, "");
    }

    /** A one-line error message, as every 4xx and 5xx of the control API carries. */
    static Response error(int status, String message) {
        return new Response(status, message + "\n");
    }
}

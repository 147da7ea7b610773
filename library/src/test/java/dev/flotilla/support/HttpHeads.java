package dev.flotilla.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads HTTP requests' heads for the registry stand-ins, which Docker must speak plain HTTP to. */
final class HttpHeads {

    private static final int TLS_HANDSHAKE = 0x16;

    private HttpHeads() {
    }

    /** The request line and headers up to the blank line; null at the end of the stream or on a TLS handshake. */
    static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (head.size() == 0 && b == TLS_HANDSHAKE) {
                return null; // closing makes Docker fall back to plain HTTP
            }
            head.write(b);
            if (b == '\n') {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n")) {
                    return text;
                }
            }
        }
        return null;
    }
}

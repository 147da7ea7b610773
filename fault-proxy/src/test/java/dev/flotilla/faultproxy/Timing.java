package dev.flotilla.faultproxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;

/** Round trips and reads timed on a real socket. */
final class Timing {

    private Timing() {
    }

    /** Sends {@code size} bytes to an echo server and reads them back; returns the elapsed milliseconds. */
    static double roundTripMillis(Socket socket, int size) throws IOException {
        byte[] sent = TestServer.pattern(size);
        long start = System.nanoTime();
        socket.getOutputStream().write(sent);
        byte[] echoed = socket.getInputStream().readNBytes(size);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!Arrays.equals(sent, echoed)) {
            throw new AssertionError("the echo differs from what was sent (" + echoed.length + " bytes back)");
        }
        return millis;
    }

    /** The median of {@code count} round trips of {@code size} bytes. */
    static double medianRoundTripMillis(Socket socket, int size, int count) throws IOException {
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = roundTripMillis(socket, size);
        }
        Arrays.sort(times);
        return times[count / 2];
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Reads until the end of the stream; returns everything read. */
    static byte[] readToEnd(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}

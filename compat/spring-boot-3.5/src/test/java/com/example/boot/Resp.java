package com.example.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Just enough of Redis' protocol to send inline commands from the test, over the published port. */
final class Resp {

    private Resp() {
    }

    /** Sends each command on one connection; returns the first line of the last reply, such as "+PONG". */
    static String send(String host, int port, String... commands) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String reply = null;
            for (String command : commands) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                reply = in.readLine();
                if (reply.startsWith("$") && !reply.equals("$-1")) {
                    reply = in.readLine(); // a bulk string: its length, then its value
                }
            }
            return reply;
        }
    }
}

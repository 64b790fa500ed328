package eyn.server.common;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Starts a JSON-RPC server on stdio or on one loopback connection. stdout is taken for the protocol
 * first; anything else that prints there afterwards goes to stderr.
 */
public final class ProtocolServer {
    /** Serves one client on the streams and returns the exit status. */
    @FunctionalInterface
    public interface Serve {
        int serve(InputStream in, OutputStream out, Log log) throws Exception;
    }

    private ProtocolServer() {}

    public static int run(String name, Integer port, String trace, Serve serve) throws Exception {
        InputStream in = System.in;
        OutputStream out = System.out;
        PrintStream err = System.err;
        System.setOut(err);
        Log log = new Log(err);
        log.setLevel(Log.parse(trace));
        if (port == null) return serve.serve(in, out, log);
        try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            err.println("eyn " + name + ": listening on 127.0.0.1:" + listener.getLocalPort());
            try (Socket socket = listener.accept()) {
                return serve.serve(socket.getInputStream(), socket.getOutputStream(), log);
            }
        }
    }
}

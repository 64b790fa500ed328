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

    /** Daemon threads for a launcher's reading and request handling. */
    public static java.util.concurrent.ExecutorService ioThreads(String name) {
        return java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Waits until the session ends: {@code exit} is completed by the server (exit, disconnect, the
     * client's death), or the input closes, in which case the status is {@code whenInputCloses}.
     */
    public static int awaitEnd(java.util.concurrent.Future<Void> listening, java.util.concurrent.CompletableFuture<Integer> exit,
                               java.util.function.IntSupplier whenInputCloses) throws Exception {
        Thread waiter = new Thread(() -> {
            try {
                listening.get();
            } catch (Exception e) {
                // a broken stream ends the session like a closed one
            }
            exit.complete(whenInputCloses.getAsInt());
        }, "eyn-input-watch");
        waiter.setDaemon(true);
        waiter.start();
        int status = exit.get();
        listening.cancel(true);
        return status;
    }

    /**
     * The exit status when the input ended: {@code normal}, unless the frame guard gave up on the
     * stream, which is logged on stderr and ends with status 1.
     */
    public static int inputEnded(FrameGuard guard, Log log, int normal) {
        String failure = guard.failure();
        if (failure == null) return normal;
        log.fatal(failure);
        return 1;
    }

    /**
     * Sends anything printed on stdout to stderr from now on (the protocol's stream is taken before, or none
     * runs there) and returns a log on stderr at the level {@code trace} names.
     */
    public static Log claimStdout(String trace) {
        System.setOut(System.err);
        Log log = new Log(System.err);
        log.setLevel(Log.parse(trace));
        return log;
    }

    public static int run(String name, Integer port, String trace, Serve serve) throws Exception {
        InputStream in = System.in;
        OutputStream out = System.out;
        PrintStream err = System.err;
        Log log = claimStdout(trace);
        if (port == null) return serve.serve(in, out, log);
        String token = newToken();
        try (ServerSocket listener = new ServerSocket(port, 4, InetAddress.getLoopbackAddress())) {
            err.println("eyn " + name + ": listening on 127.0.0.1:" + listener.getLocalPort());
            err.println("eyn " + name + ": token " + token + " (a client sends it and a newline before its first message)");
            err.flush();
            while (true) {
                Socket socket = listener.accept();
                if (!authenticated(socket, token)) {
                    refuse(socket, "eyn " + name + ": wrong or missing token; connection refused");
                    log.error("refused a client on 127.0.0.1:" + listener.getLocalPort() + " that did not send the token");
                    continue;
                }
                Thread refuser = new Thread(() -> refuseOthers(listener, name, log), "eyn-refuse-clients");
                refuser.setDaemon(true);
                refuser.start();
                try (socket) {
                    return serve.serve(socket.getInputStream(), socket.getOutputStream(), log);
                }
            }
        }
    }

    /** A random 128-bit token in hex. */
    static String newToken() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) b.append(String.format("%02x", x & 0xFF));
        return b.toString();
    }

    /** Reads the client's first line (at most 128 bytes, within 10 seconds) and compares it with the token. */
    private static boolean authenticated(Socket socket, String token) {
        try {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            while (line.length() <= 128) {
                int c = in.read(); // byte by byte: nothing after the line may be consumed
                if (c < 0) return false;
                if (c == '\n') break;
                line.append((char) c);
            }
            socket.setSoTimeout(0);
            String got = line.toString().strip();
            return java.security.MessageDigest.isEqual(got.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void refuse(Socket socket, String message) {
        try (socket) {
            socket.getOutputStream().write((message + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            // read what the client already sent, so that closing does not reset the connection before it reads the message
            socket.setSoTimeout(1000);
            socket.getInputStream().readNBytes(1 << 16);
        } catch (java.io.IOException e) {
            // the client is already gone
        }
    }

    /** While one client is served, every other connection is told so and closed. */
    private static void refuseOthers(ServerSocket listener, String name, Log log) {
        while (!listener.isClosed()) {
            try {
                Socket other = listener.accept();
                refuse(other, "eyn " + name + ": already serving a client; connection refused");
                log.error("refused a second client on 127.0.0.1:" + listener.getLocalPort());
            } catch (java.io.IOException e) {
                return; // the listener was closed: the session is over
            }
        }
    }
}

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

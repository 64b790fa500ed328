package eyn.server.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A long-lived server on a Unix domain socket: every connection is a client served on its own thread,
 * side by side, until the host's stdin closes (the editor that started it went away). An editor keeps
 * one such process per window, so that each debug session starts in a JVM that has already loaded and
 * compiled the adapter instead of a new one. Only the socket's owner can connect: the file is made
 * readable and writable by its owner alone (and an editor puts it in a private folder).
 */
public final class SocketHost {
    private final String name;
    private final Path socket;
    private final Log.Level level;
    private final PrintStream err;
    private final ProtocolServer.Serve serve;
    private final int most;
    private final ProtocolServer.Serve refuse;
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    /**
     * A host that serves each client with {@code serve}, at most {@code most} at once: one more is served by
     * {@code refuse} instead (which tells it why in its protocol), so that memory stays bounded.
     */
    public SocketHost(String name, Path socket, Log.Level level, PrintStream err, ProtocolServer.Serve serve,
                      int most, ProtocolServer.Serve refuse) {
        this.name = name;
        this.socket = socket;
        this.level = level;
        this.err = err;
        this.serve = serve;
        this.most = most;
        this.refuse = refuse;
    }

    /**
     * Binds the socket, says so on stderr, serves clients until {@code stdin} ends, then removes the
     * socket. {@code whenListening} runs once the socket accepts connections. Returns the exit status.
     */
    public int run(InputStream stdin, Runnable whenListening) throws IOException {
        if (Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (!isStaleSocket(socket)) {
                err.println("eyn " + name + ": " + socket + " already exists; give a path that does not");
                return 2;
            }
            // a host that was killed leaves its socket behind; nobody listens on it any more
            Files.delete(socket);
            err.println("eyn " + name + ": removed the stale socket " + socket);
        }
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                listener.bind(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                // a missing folder, a path too long for a socket (about 100 bytes), no permission
                err.println("eyn " + name + ": cannot listen on " + socket + ": " + e.getMessage());
                return 2;
            }
            // a host ended by a signal removes its socket too
            Thread cleanup = new Thread(() -> {
                try {
                    Files.deleteIfExists(socket);
                } catch (IOException e) {
                    // the socket stays; the next host at this path removes it as stale
                }
            }, "eyn-" + name + "-remove-socket");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system: the folder's permissions are the guard
            }
            Thread acceptor = new Thread(() -> accept(listener), "eyn-" + name + "-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            err.println("eyn " + name + ": listening on " + socket);
            err.flush();
            whenListening.run();
            // the editor holds our stdin open for as long as it wants the host; its end is the end
            while (stdin.read(new byte[512]) >= 0) {
                // input on stdin means nothing to the host
            }
        } finally {
            Files.deleteIfExists(socket);
        }
        return 0;
    }

    /** How many clients are being served now (the refused ones too, while they are told why). */
    public int served() {
        return running.get();
    }

    /** A Unix socket file (not a file, folder or link) on which nobody listens. */
    private static boolean isStaleSocket(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if ((mode & 0170000) != 0140000) return false;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            return false; // a live host: refused, never taken over
        } catch (IOException e) {
            return true;
        }
    }

    private void accept(ServerSocketChannel listener) {
        while (listener.isOpen()) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed: the host is ending
            }
            int n = sessions.incrementAndGet();
            Thread session = new Thread(() -> serveOne(client), "eyn-" + name + "-session-" + n);
            session.setDaemon(true);
            session.start();
        }
    }

    /** One client with its own log (a session's log goes to its own client as well as to stderr). */
    private void serveOne(SocketChannel client) {
        Log log = new Log(err);
        log.setLevel(level);
        boolean admitted = running.incrementAndGet() <= most;
        try (client) {
            (admitted ? serve : refuse).serve(inputOf(client), outputOf(client), log);
        } catch (Exception e) {
            log.error("session ended by " + e);
        } finally {
            running.decrementAndGet();
        }
    }

    /*
     * Buffered streams over the channel itself: the JDK's Channels.newInputStream and newOutputStream lock the
     * same object for a blocking read and a write, so the adapter could not answer while its reader waits; and
     * a client's frame reader (LSP4J's) reads headers a byte at a time, which must not be a system call each
     * ({@link FrameGuard} keeps a buffered stream as it is; the writers flush after every message).
     */
    public static InputStream inputOf(SocketChannel channel) {
        return new java.io.BufferedInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                return channel.read(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public void close() throws IOException {
                channel.shutdownInput();
            }
        }, 1 << 16);
    }

    public static OutputStream outputOf(SocketChannel channel) {
        return new java.io.BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) channel.write(buffer);
            }

            @Override
            public void close() throws IOException {
                channel.shutdownOutput();
            }
        }, 1 << 16);
    }
}

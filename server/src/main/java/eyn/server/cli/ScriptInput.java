package eyn.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a script given on the command line without ever reading more than a limit: a device
 * ({@code /dev/zero}), a FIFO or a folder is refused before anything is read, and a file over the
 * limit is refused by its size (and, should it grow while being read, by what was read).
 */
final class ScriptInput {
    /** The largest script {@code eyn run} and {@code eyn check} read: 16 MiB (EYN-OS itself reads at most 64 KiB). */
    static final long MAX_SCRIPT_BYTES = 16L << 20;

    private ScriptInput() {}

    /** The script's text; an {@link IOException} with a one-line reason when it cannot or may not be read. */
    static String read(Path script, long limit) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(script, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no such file");
        }
        if (a.isDirectory()) throw new IOException("it is a folder");
        if (!a.isRegularFile()) throw new IOException("not a regular file (a device, FIFO or socket is never read)");
        if (a.size() > limit) throw new IOException(a.size() + " bytes is over the limit of " + limit + " bytes for a script");
        try (InputStream in = Files.newInputStream(script)) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) throw new IOException("over the limit of " + limit + " bytes for a script (it grew while being read)");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}

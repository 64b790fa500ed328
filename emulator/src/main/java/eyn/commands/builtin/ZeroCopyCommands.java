package eyn.commands.builtin;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.MachineError;
import eyn.machine.Whence;
import eyn.machine.files.Mode;
import eyn.machine.files.OpenFile;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** zopen, zclose, zread, zwrite, zseek, zsplice, ztee, zstats. */
final class ZeroCopyCommands {
    private ZeroCopyCommands() {}

    static void register(Map<String, Command> commands) {
        commands.put("zopen", ZeroCopyCommands::zopen);
        commands.put("zclose", ZeroCopyCommands::zclose);
        commands.put("zread", ZeroCopyCommands::zread);
        commands.put("zwrite", ZeroCopyCommands::zwrite);
        commands.put("zseek", ZeroCopyCommands::zseek);
        commands.put("zsplice", call -> transfer(call, false));
        commands.put("ztee", call -> transfer(call, true));
        commands.put("zstats", ZeroCopyCommands::zstats);
    }

    private static void zopen(Invocation call) {
        String typed = call.args.text(0);
        Mode mode = call.args.as(1, Mode.class);
        String abs = Builtins.resolve(call, typed);
        if (abs == null) {
            call.error("Failed to open zero-copy file: " + typed);
            return;
        }
        try {
            OpenFile f = call.machine.zeroCopy().open(typed, abs, mode);
            call.out().ok("Zero-copy file opened with fd: " + f.fd);
            call.effect(new eyn.commands.Effect.FdOpened(f.fd, abs, f.mode.word()));
        } catch (MachineError e) {
            call.error(e.getMessage());
            call.error("Failed to open zero-copy file: " + typed);
        }
    }

    private static void zclose(Invocation call) {
        long fd = call.args.number(0);
        try {
            call.machine.zeroCopy().closeOrThrow(fd);
            call.out().ok("Zero-copy file closed: fd " + fd);
            call.effect(new eyn.commands.Effect.FdClosed((int) fd));
        } catch (MachineError e) {
            call.error(e.getMessage());
            call.error("Failed to close zero-copy file: fd " + fd);
        }
    }

    private static void zread(Invocation call) {
        long fd = call.args.number(0);
        if (call.machine.faithful()) {
            // EYN-OS allocates a buffer of count+1 bytes first (Z12), prints -1 and then whatever its
            // uninitialised buffer holds (O2); 0 bytes is a failure
            int buffer = call.machine.allocate((int) (call.args.number(1) + 1));
            if (buffer == 0) {
                call.error("Error: Out of memory for read buffer");
                return;
            }
            try {
                byte[] data = call.machine.zeroCopy().read(fd, call.args.number(1));
                if (data.length == 0) {
                    call.error("Failed to read from fd " + fd);
                    return;
                }
                call.out().ok("Read " + data.length + " bytes from fd " + fd + ":");
                call.out().plain(cString(data));
            } catch (MachineError e) {
                call.error(e.getMessage());
                call.out().ok("Read -1 bytes from fd " + fd + ":");
            } finally {
                call.machine.free(buffer);
            }
            return;
        }
        try {
            byte[] data = call.machine.zeroCopy().read(fd, call.args.number(1));
            call.out().ok("Read " + data.length + " bytes from fd " + fd + ":");
            call.out().plain(cString(data));
        } catch (MachineError e) {
            call.error(e.getMessage());
            call.error("Failed to read from fd " + fd);
        }
    }

    private static void zwrite(Invocation call) {
        long fd = call.args.number(0);
        byte[] data = call.args.text(1).getBytes(StandardCharsets.UTF_8);
        try {
            int n = call.machine.zeroCopy().write(fd, data);
            call.out().ok("Wrote " + n + " bytes to fd " + fd);
        } catch (MachineError e) {
            call.error(e.getMessage());
            if (call.machine.faithful()) call.out().ok("Wrote -1 bytes to fd " + fd);
            else call.error("Failed to write to fd " + fd);
        }
    }

    private static void zseek(Invocation call) {
        long fd = call.args.number(0);
        try {
            call.machine.zeroCopy().seek(fd, call.args.number(1), call.args.as(2, Whence.class));
            call.out().ok("Seek successful on fd " + fd);
        } catch (MachineError e) {
            call.error(e.getMessage());
            call.error("Seek failed on fd " + fd);
        }
    }

    private static void transfer(Invocation call, boolean tee) {
        long in = call.args.number(0);
        long out = call.args.number(1);
        try {
            int n = call.machine.zeroCopy().transfer(in, out, call.args.number(2), tee);
            call.out().ok((tee ? "Tee'd " : "Spliced ") + n + " bytes from fd " + in + " to fd " + out);
        } catch (MachineError e) {
            if (e.getMessage() != null) call.error(e.getMessage());
            call.error(tee ? "Tee failed" : "Splice failed");
        }
    }

    private static void zstats(Invocation call) {
        var fds = call.machine.fds();
        call.out().plain("=== Zero-Copy File Statistics ===");
        call.out().plain("Total operations: " + fds.operations());
        if (call.machine.faithful()) {
            // EYN-OS counts every fd handed out as open (Z11)
            call.out().plain("Open files: " + fds.everOpened());
        } else {
            call.out().plain("Open files: " + fds.openCount());
            call.out().plain("Files opened since start: " + fds.everOpened());
        }
        for (OpenFile f : fds.open()) {
            call.out().plain("File " + f.fd + ": size=" + f.size() + ", offset=" + f.offset + ", accesses=" + f.accesses
                    + ", dirty=" + (f.dirty ? 1 : 0));
        }
    }

    /** EYN-OS prints read data as a C string: it stops at the first NUL byte. */
    private static String cString(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) end++;
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }
}

package eyn.commands.builtin;

import eyn.commands.Command;
import eyn.commands.Effect;
import eyn.commands.Invocation;
import eyn.machine.Mapping;
import eyn.machine.MachineError;
import eyn.machine.ZeroCopy;
import java.util.Map;

/** mmap, munmap, msync. */
final class MmapCommands {
    private MmapCommands() {}

    static void register(Map<String, Command> commands) {
        commands.put("mmap", MmapCommands::mmap);
        commands.put("munmap", MmapCommands::munmap);
        commands.put("msync", MmapCommands::msync);
    }

    private static void mmap(Invocation call) {
        String typed = call.args.text(0);
        // EYN-OS: any word starting with "readonly" maps read-only, any other word read-write (P7)
        boolean readOnly = call.machine.faithful() ? call.args.has(1) && call.args.text(1).startsWith("readonly") : call.args.has(1);
        String abs = Builtins.resolve(call, typed);
        if (abs == null) {
            call.error("Failed to map file: " + typed);
            return;
        }
        try {
            Mapping m = call.machine.maps().map(abs, readOnly);
            call.out().ok("File mapped: " + abs + " (" + m.size() + " bytes)");
            call.out().ok("File mapped successfully");
            call.out().plain("Address: " + hex(call, m.address));
            call.out().plain("Size: " + m.size() + " bytes");
            call.out().plain("Mode: " + (readOnly ? "read-only" : "read-write"));
            call.effect(new Effect.Mapped(m.address, abs, readOnly));
        } catch (MachineError e) {
            call.error(e.getMessage());
            call.error("Failed to map file: " + typed);
        }
    }

    private static void munmap(Invocation call) {
        long address = call.args.number(0);
        try {
            call.machine.maps().unmap(address);
            call.out().ok("File unmapped");
            call.out().ok("File unmapped successfully");
            call.effect(new Effect.Unmapped(address));
        } catch (MachineError e) {
            call.effect(new Effect.MappingProblem(address, "not mapped"));
            call.error(e.getMessage());
            call.error("Failed to unmap address " + hex(call, address));
        }
    }

    private static void msync(Invocation call) {
        long address = call.args.number(0);
        try {
            Mapping m = call.machine.maps().find(address);
            if (m.readOnly && call.machine.faithful()) {
                // EYN-OS warns, then reports success anyway (P5)
                call.out().warn("Warning: Cannot sync read-only mapping");
                call.out().ok("File synchronized successfully");
                return;
            }
            if (m.readOnly) {
                call.out().warn("Warning: Cannot sync read-only mapping");
                call.effect(new Effect.MappingProblem(address, "read-only"));
                call.error("Failed to sync address " + hex(call, address));
                return;
            }
            // EYN-OS Release 13 writes nothing back (P5); faithful mode neither
            if (!call.machine.faithful()) call.machine.maps().sync(m);
            call.out().ok("File synchronized to disk");
            call.out().ok("File synchronized successfully");
        } catch (MachineError e) {
            call.effect(new Effect.MappingProblem(address, "not mapped"));
            call.error(e.getMessage());
            call.error("Failed to sync address " + hex(call, address));
        }
    }

    /** EYN-OS's printf has no %X: faithful mode prints "0x" and no digits (O1). */
    private static String hex(Invocation call, long address) {
        return call.machine.faithful() ? "0x" : ZeroCopy.hex(address);
    }
}

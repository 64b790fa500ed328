package eyn.commands.y2026;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.MachineError;
import eyn.machine.Mapping;
import java.util.Locale;
import java.util.Map;

/**
 * The memory programs (reference 3.3 and 4): memory, memory_stats and predict print canned text;
 * mmap, munmap and msync wrap the machine's real mappings. The kernel's own lines are coloured
 * (green success, red errors, orange warning); the program's lines are plain.
 */
final class MemoryPrograms {
    private MemoryPrograms() {}

    static void register(Map<String, Command> m) {
        m.put("memory", MemoryPrograms::memory);
        m.put("memory_stats", MemoryPrograms::memoryStats);
        m.put("predict", MemoryPrograms::predict);
        m.put("mmap", MemoryPrograms::mmap);
        m.put("munmap", MemoryPrograms::munmap);
        m.put("msync", MemoryPrograms::msync);
    }

    /** {@code 0x%X}: uppercase hex, no padding. */
    static String hex(long address) {
        return "0x" + Long.toHexString(address).toUpperCase(Locale.ROOT);
    }

    private static void lines(Invocation call, String... lines) {
        for (String l : lines) call.out().plain(l);
    }

    private static void memory(Invocation call) {
        if (Programs2026.help(call)) return;
        String a = call.arg(0);
        switch (a == null ? "stats" : a) {
            case "stats" -> lines(call, "memory: userland allocator active", "memory: bounded tests available");
            case "test" -> lines(call, "memory test: PASSED");
            case "stress" -> lines(call, "memory stress: completed");
            case "check" -> lines(call, "memory check: no corruption detected");
            case "protect" -> lines(call, "memory protect: userland isolation enabled");
            default -> call.usage();
        }
    }

    private static void memoryStats(Invocation call) {
        if (Programs2026.help(call)) return;
        lines(call, "Predictive Memory Statistics:", "  Userland allocator state: active", "  Bounded low-memory behavior: enabled",
                "  Streaming-first command policy: enabled");
    }

    private static void predict(Invocation call) {
        if (Programs2026.help(call)) return;
        String a = call.arg(0);
        switch (a == null ? "stats" : a) {
            case "stats" -> lines(call, "Predictive memory statistics:", "  Prediction engine: active", "  Low-memory policy: enabled",
                    "  Zero-copy paths: available");
            case "reset" -> lines(call, "predict: statistics reset");
            case "optimize" -> lines(call, "predict: optimization pass complete");
            case "init" -> lines(call, "predict: predictive memory initialized");
            default -> call.usage();
        }
    }

    private static void mmap(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = call.arg(0);
        if (typed == null || typed.isEmpty()) {
            call.usage();
            return;
        }
        boolean readOnly = "readonly".equals(call.arg(1));
        String abs = call.machine.resolve(typed);
        try {
            if (typed.length() > FilePrograms.MAX_PATH) throw new MachineError("Error: File not found: " + abs);
            Mapping m = call.machine.maps().map(abs, readOnly);
            call.out().ok("File mapped: " + abs + " (" + m.size() + " bytes)");
            call.out().plain("Address: " + hex(m.address));
            call.out().plain("Size: " + m.size() + " bytes");
            call.out().plain("Mode: " + (readOnly ? "read-only" : "read-write"));
            call.effect(new eyn.commands.Effect.Mapped(m.address, abs, readOnly));
        } catch (MachineError e) {
            call.error(kernelLine(e.getMessage()));
            call.failWith("mmap: failed to map " + typed);
        }
    }

    /** The kernel's line for a machine error (its texts carry details the 2026 kernel does not print). */
    static String kernelLine(String message) {
        if (message.startsWith("Error: Failed to read file for mapping")) return "Error: Cannot read filesystem";
        if (message.startsWith("Error: Failed to write back mapping")) return "Error: Failed to write back mapping";
        return message;
    }

    private static void munmap(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = call.arg(0);
        if (typed == null || typed.isEmpty()) {
            call.usage();
            return;
        }
        long address = Programs2026.strtoul0(typed);
        try {
            call.machine.maps().unmap(address);
            call.out().ok("File unmapped");
            call.out().plain("File unmapped successfully");
            call.effect(new eyn.commands.Effect.Unmapped(address));
        } catch (MachineError e) {
            call.effect(new eyn.commands.Effect.MappingProblem(address, "not mapped"));
            call.error(kernelLine(e.getMessage()));
            call.failWith("munmap: failed for " + hex(address));
        }
    }

    private static void msync(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = call.arg(0);
        if (typed == null || typed.isEmpty()) {
            call.usage();
            return;
        }
        long address = Programs2026.strtoul0(typed);
        try {
            Mapping m = call.machine.maps().find(address);
            if (m.readOnly) {
                call.out().warn("Warning: Cannot sync read-only mapping");
                call.effect(new eyn.commands.Effect.MappingProblem(address, "read-only"));
            } else {
                call.machine.maps().sync(m);
                call.out().ok("File synchronized to disk");
            }
            call.out().plain("File synchronized successfully");
        } catch (MachineError e) {
            call.effect(new eyn.commands.Effect.MappingProblem(address, "not mapped"));
            call.error(kernelLine(e.getMessage()));
            call.failWith("msync: failed for " + hex(address));
        }
    }
}

package eyn.commands.builtin;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.Console;
import eyn.machine.Machine;
import eyn.machine.memory.Heap;
import eyn.machine.memory.Predictor;
import java.util.Locale;
import java.util.Map;

/** predict, memory_stats, memory. */
final class PredictCommands {
    private PredictCommands() {}

    static void register(Map<String, Command> commands) {
        commands.put("predict", PredictCommands::predict);
        commands.put("memory_stats", PredictCommands::memoryStats);
        commands.put("memory", PredictCommands::memory);
    }

    private static void predict(Invocation call) {
        Machine m = call.machine;
        switch (call.args.text(0)) {
            case "stats" -> predictionStats(m);
            case "reset" -> {
                m.predictor().reset();
                call.out().ok("Prediction statistics reset");
            }
            case "optimize" -> {
                m.predictor().optimize();
                call.out().ok("Memory optimization completed");
            }
            default -> {
                m.maps().unmapAll();
                m.predictor().init();
                call.out().ok("Predictive memory system initialized");
            }
        }
    }

    static void predictionStats(Machine m) {
        Console out = m.console();
        Predictor p = m.predictor();
        out.plain("=== Predictive Memory Statistics ===");
        out.plain("Total accesses: " + p.totalAccesses());
        out.plain("Prediction hits: " + p.hits());
        out.plain("Prediction misses: " + p.misses());
        out.plain("Hit rate: " + p.hitRatePercent() + "%");
        out.plain("Mapped files: " + m.mappings().size());
        out.plain(String.format(Locale.ROOT, "Prediction score: %.2f", p.score()));
    }

    private static void memoryStats(Invocation call) {
        Machine m = call.machine;
        Console out = call.out();
        out.plain("=== Memory Management Statistics ===");
        predictionStats(m);
        out.plain("");
        out.plain("=== Regular Memory Statistics ===");
        heapStats(m);
        out.plain("");
        out.plain("=== Memory Mapping Information ===");
        out.plain("Total memory accesses: " + m.predictor().totalAccesses());
        out.plain("Prediction accuracy: " + m.predictor().hitRatePercent() + "%");
    }

    static void heapStats(Machine m) {
        Console out = m.console();
        Heap heap = m.heap();
        long used = heap.usedBytes();
        long total = heap.size();
        out.plain("Memory Statistics:");
        out.plain("  Total Heap: " + total / 1024 + " KB");
        out.plain("  Used: " + used + " bytes (" + used * 100 / total + "%)");
        out.plain("  Free: " + (total - used) + " bytes (" + (total - used) * 100 / total + "%)");
        out.plain("  Blocks: " + heap.blockCount());
        out.plain("  Allocations: " + heap.allocations());
        out.plain("  Frees: " + heap.frees());
        out.plain("  Memory Errors: " + heap.errors());
        out.plain("  Corrupted Blocks: " + heap.corruptedBlocks());
        if (heap.errors() > 0 || heap.corruptedBlocks() > 0) out.warn("  WARNING: Memory corruption detected!");
        if (heap.allocations() > heap.frees() + 10) out.warn("  WARNING: Possible memory leak detected!");
    }

    private static void memory(Invocation call) {
        Console out = call.out();
        out.plain("Memory Management Commands:");
        out.plain("  memory stats   - Show memory statistics");
        out.plain("  memory test    - Run memory allocation test");
        out.plain("  memory stress  - Run memory stress test");
        out.plain("  memory check   - Check heap integrity");
        out.plain("  memory protect - Show memory protection status");
        Machine m = call.machine;
        if (!call.args.has(0)) return;
        switch (call.args.text(0)) {
            case "stats" -> heapStats(m);
            case "test" -> allocationTest(call, 10, "Memory test");
            case "stress" -> allocationTest(call, 100, "Memory stress test");
            case "check" -> {
                out.plain("Checking heap integrity...");
                int bad = m.heap().corruptedBlocks();
                if (bad == 0) out.ok("Heap integrity check passed (" + m.heap().blockCount() + " blocks)");
                else call.error("Heap corruption detected: " + bad + " corrupted block" + (bad == 1 ? "" : "s"));
            }
            default -> out.plain("Memory protection: enabled (block headers with magic numbers and checksums)");
        }
    }

    private static void allocationTest(Invocation call, int rounds, String title) {
        Machine m = call.machine;
        call.out().plain("Running " + title.toLowerCase(Locale.ROOT) + " (" + rounds + " allocations)...");
        int[] blocks = new int[rounds];
        for (int i = 0; i < rounds; i++) {
            blocks[i] = m.allocate(16 << (i % 8));
            if (blocks[i] == 0) {
                for (int j = 0; j < i; j++) m.free(blocks[j]);
                call.error(title + " failed: allocation " + (i + 1) + " was refused");
                return;
            }
        }
        for (int b : blocks) m.free(b);
        call.out().ok(title + " passed");
        heapStats(m);
    }
}

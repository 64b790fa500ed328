package eyn.commands.builtin;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.Console;
import eyn.machine.Machine;
import eyn.machine.memory.Heap;
import eyn.machine.memory.Predictor;
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
        // EYN-OS's printf has no %.2f: it prints "2f" (O1)
        out.plain(m.faithful() ? "Prediction score: 2f" : "Prediction score: " + p.scoreText());
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
        // EYN-OS counts its free blocks too
        out.plain("  Blocks: " + (heap.blockCount() + (m.faithful() ? heap.freeBlockCount() : 0)));
        out.plain("  Allocations: " + heap.allocations());
        out.plain("  Frees: " + heap.frees());
        out.plain("  Memory Errors: " + heap.errors());
        out.plain("  Corrupted Blocks: " + heap.corruptedBlocks());
        if (heap.errors() > 0 || heap.corruptedBlocks() > 0) out.warn("  WARNING: Memory corruption detected!");
        if (heap.allocations() > heap.frees() + 10) out.warn("  WARNING: Possible memory leak detected!");
    }

    /** EYN-OS's memory: the menu, then the action only when the rest of the line is exactly its name. */
    private static void memory(Invocation call) {
        Console out = call.out();
        out.plain("Memory Management Commands:");
        out.plain("  memory stats    - Show memory statistics");
        out.plain("  memory test     - Run memory allocation test");
        out.plain("  memory stress   - Run stress test");
        out.plain("  memory check    - Check memory integrity");
        out.plain("  memory protect  - Show protection status");
        Machine m = call.machine;
        if (!call.args.has(0)) return;
        switch (call.args.text(0)) {
            case "stats" -> heapStats(m);
            case "test" -> {
                out.plain("Running memory allocation test...");
                int a = m.allocate(100);
                int b = m.allocate(200);
                int c = m.allocate(50);
                if (a != 0 && b != 0 && c != 0) {
                    out.ok("Basic allocation test: PASSED");
                    m.free(b);
                    out.ok("Free test: PASSED");
                    int grown = m.allocate(150);
                    if (grown != 0) {
                        m.free(a);
                        out.ok("Realloc test: PASSED");
                        m.free(grown);
                    } else {
                        m.free(a);
                    }
                    m.free(c);
                } else {
                    m.free(a);
                    m.free(b);
                    m.free(c);
                    call.error("Basic allocation test: FAILED");
                }
                heapStats(m);
            }
            case "stress" -> {
                out.plain("Running memory stress test...");
                int[] blocks = new int[100];
                int count = 0;
                for (int i = 0; i < 100; i++) {
                    blocks[i] = m.allocate(16 + i % 50);
                    if (blocks[i] != 0) count++;
                }
                out.plain("Allocated " + count + " blocks");
                for (int i = 0; i < 100; i += 2) {
                    m.free(blocks[i]);
                    blocks[i] = 0;
                }
                out.plain("Freed every other block");
                for (int i = 0; i < 50; i++) {
                    // EYN-OS overwrites the first 50 pointers, leaking the odd ones among them
                    blocks[i] = m.allocate(32 + i % 100);
                }
                out.plain("Allocated more blocks");
                for (int i = 0; i < 100; i++) m.free(blocks[i]);
                out.ok("Stress test completed");
                heapStats(m);
            }
            case "check" -> {
                out.plain("Performing memory integrity check...");
                out.ok("Memory check completed");
            }
            case "protect" -> {
                out.plain("Memory Protection Status:");
                out.plain("  Memory Errors: " + m.heap().errors());
                out.plain("  Stack Overflow: None");
                out.plain("  Current Stack Pointer: 0x");
                if (m.heap().errors() > 0) out.warn("  WARNING: Memory corruption detected!");
                else out.ok("  Memory protection active");
            }
            default -> { }
        }
    }
}

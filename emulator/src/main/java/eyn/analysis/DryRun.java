package eyn.analysis;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.machine.Color;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.Drive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the script on a throwaway emulator (over a copy of the workspace drive, seed 1, a small step
 * budget) and records what each top-level line printed: the fd a zopen returned, the address an mmap
 * returned, and the mapping errors msync and munmap met. These are facts of one concrete run.
 */
final class DryRun {
    static final long BUDGET = 5_000;
    static final int MAX_LINES = 5_000;
    /**
     * The wall-clock budget of one dry run: one statement may be slow (a search over a large file),
     * and the editor waits for the analysis, so the run also stops after this long.
     */
    static final long TIME_BUDGET_NANOS = 1_000_000_000L;

    /** Why the run stopped early, or null when the script ended or used its statement budget. */
    String stoppedBy;

    final Map<Integer, Set<Integer>> fds = new HashMap<>();
    final Map<Integer, Set<Long>> addresses = new HashMap<>();
    final Map<Integer, String> notMapped = new HashMap<>();
    final Set<Integer> readOnlySync = new LinkedHashSet<>();
    final List<Analysis.MappingFact> mappings = new ArrayList<>();
    private int notMappedLine = -1;

    static DryRun of(String path, String text, Drive drive, long ramBytes) {
        return of(path, text, drive, ramBytes, TIME_BUDGET_NANOS);
    }

    static DryRun of(String path, String text, Drive drive, long ramBytes, long timeBudgetNanos) {
        DryRun result = new DryRun();
        // a dry run only looks for facts: files may not grow past 1 MiB there
        Machine machine = new Machine(new MachineConfig(ramBytes, 1, Map.of(0, drive.copy()), 1 << 20));
        Interpreter interpreter = new Interpreter(machine, (color, printed, where) -> {
            if (where != null && where.depth() == 1) result.record(where.line(), color, printed);
        }, new Options(BUDGET));
        try {
            interpreter.start(path, text);
            long deadline = System.nanoTime() + timeBudgetNanos;
            while (!interpreter.step().done()) {
                if (System.nanoTime() - deadline > 0) {
                    result.stoppedBy = "time";
                    break;
                }
                if (Cancel.requested()) {
                    result.stoppedBy = "cancelled";
                    break;
                }
            }
        } catch (RuntimeException e) {
            // a dry run is best effort: what it saw so far still counts
        }
        return result;
    }

    private void record(int line, Color color, String printed) {
        for (String text : printed.split("\n")) {
            if (text.startsWith("Zero-copy file opened with fd: ")) {
                fds.computeIfAbsent(line, k -> new LinkedHashSet<>()).add(Integer.parseInt(text.substring(31).trim()));
            } else if (text.startsWith("Address: 0x")) {
                long address = Long.parseLong(text.substring(11).trim(), 16);
                addresses.computeIfAbsent(line, k -> new LinkedHashSet<>()).add(address);
            } else if (text.startsWith("File mapped: ")) {
                int paren = text.lastIndexOf(" (");
                mappings.add(new Analysis.MappingFact(-1, line, text.substring(13, paren < 0 ? text.length() : paren), false));
            } else if (text.startsWith("Mode: ") && !mappings.isEmpty()) {
                Analysis.MappingFact last = mappings.remove(mappings.size() - 1);
                long address = addresses.getOrDefault(line, Set.of()).stream().reduce((a, b) -> b).orElse(-1L);
                mappings.add(new Analysis.MappingFact(address, last.line(), last.path(), text.endsWith("read-only")));
            } else if (color == Color.RED && text.equals("Error: Address not mapped")) {
                notMappedLine = line;
            } else if (notMappedLine == line && (text.startsWith("Failed to sync address ") || text.startsWith("Failed to unmap address "))) {
                notMapped.putIfAbsent(line, text.substring(text.lastIndexOf(' ') + 1));
                notMappedLine = -1;
            } else if (text.startsWith("Warning: Cannot sync read-only mapping")) {
                readOnlySync.add(line);
            }
        }
    }
}

package eyn.analysis;

import eyn.interpreter.Interpreter;
import eyn.commands.Effect;
import eyn.interpreter.Options;
import eyn.interpreter.StepResult;
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
 * budget) and records what each top-level line did, from the steps' typed effects: the fd a zopen
 * returned, the address an mmap returned, and the mapping errors msync and munmap met. These are facts
 * of one concrete run.
 */
final class DryRun {
    static final long BUDGET = 5_000;
    static final int MAX_LINES = 5_000;
    /**
     * The wall-clock budget of one dry run: one statement may be slow (a search over a large file),
     * and the editor shows its facts only when it ends, so the run also stops after this long.
     */
    static final long TIME_BUDGET_NANOS = 1_000_000_000L;
    /**
     * The host memory one dry run's machine may hold (files it loads or grows, fd copies, mappings): an
     * editor runs one beside everything else, so it gets a small share and refuses the rest as EYN-OS
     * would refuse a command (the run goes on, the facts it finds stay true).
     */
    static final long MEMORY_BUDGET = Math.max(eyn.machine.memory.MemoryBudget.MIN,
            Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8));

    /** Why the run stopped early, or null when the script ended or used its statement budget. */
    String stoppedBy;

    final Map<Integer, Set<Integer>> fds = new HashMap<>();
    final Map<Integer, Set<Long>> addresses = new HashMap<>();
    final Map<Integer, String> notMapped = new HashMap<>();
    final Set<Integer> readOnlySync = new LinkedHashSet<>();
    final List<Analysis.MappingFact> mappings = new ArrayList<>();
    /** False in faithful mode, where EYN-OS prints mmap addresses without digits. */
    private boolean addressesPrinted = true;

    static DryRun of(String path, String text, Drive drive, long ramBytes) {
        return of(path, text, drive, ramBytes, eyn.machine.Fidelity.FIXED, TIME_BUDGET_NANOS);
    }

    static DryRun of(String path, String text, Drive drive, long ramBytes, long timeBudgetNanos) {
        return of(path, text, drive, ramBytes, eyn.machine.Fidelity.FIXED, timeBudgetNanos);
    }

    static DryRun of(String path, String text, Drive drive, long ramBytes, eyn.machine.Fidelity fidelity) {
        return of(path, text, drive, ramBytes, fidelity, TIME_BUDGET_NANOS);
    }

    /** A faithful dry run hands out fds as EYN-OS does (its addresses still come from the typed effects). */
    static DryRun of(String path, String text, Drive drive, long ramBytes, eyn.machine.Fidelity fidelity, long timeBudgetNanos) {
        DryRun result = new DryRun();
        result.addressesPrinted = fidelity != eyn.machine.Fidelity.FAITHFUL;
        // a dry run only looks for facts: files may not grow past 1 MiB there
        Machine machine = new Machine(new MachineConfig(ramBytes, 1, Map.of(0, drive.copy()), 1 << 20).withFidelity(fidelity)
                .withMemoryBudget(MEMORY_BUDGET));
        Interpreter interpreter = new Interpreter(machine, (color, printed, where) -> { }, new Options(BUDGET));
        try {
            interpreter.start(path, text);
            long deadline = System.nanoTime() + timeBudgetNanos;
            StepResult r;
            do {
                r = interpreter.step();
                if (r.location() != null && r.location().depth() == 1) result.record(r.location().line(), r.effects());
                if (System.nanoTime() - deadline > 0) {
                    result.stoppedBy = "time";
                    break;
                }
                if (Cancel.requested()) {
                    result.stoppedBy = "cancelled";
                    break;
                }
            } while (!r.done());
        } catch (RuntimeException e) {
            // a dry run is best effort: what it saw so far still counts
        }
        return result;
    }

    /** What one top-level line did, from its typed effects. */
    private void record(int line, List<Effect> effects) {
        for (Effect e : effects) {
            if (e instanceof Effect.FdOpened o) {
                fds.computeIfAbsent(line, k -> new LinkedHashSet<>()).add(o.fd());
            } else if (e instanceof Effect.Mapped m) {
                // the faithful OS prints "Address: 0x" with no digits: nothing a reader could learn there
                long address = addressesPrinted ? m.address() : -1;
                if (addressesPrinted) addresses.computeIfAbsent(line, k -> new LinkedHashSet<>()).add(address);
                mappings.add(new Analysis.MappingFact(address, line, m.path(), m.readOnly()));
            } else if (e instanceof Effect.MappingProblem p && p.problem().equals("read-only")) {
                readOnlySync.add(line);
            } else if (e instanceof Effect.MappingProblem p) {
                notMapped.putIfAbsent(line, String.format("0x%08X", p.address()));
            }
        }
    }


}

package eyn.debug;

import eyn.interpreter.Interpreter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkpoints of the whole machine and interpreter every few steps. Going back to step t restores
 * the checkpoint at or before t and replays forward; replay is deterministic, so the state is the
 * one the run had. When too many checkpoints pile up, every other one is dropped and the interval
 * doubles, so memory stays bounded while any step within reach costs at most one interval of replay.
 */
public final class History {
    private final TreeMap<Long, Interpreter.Snapshot> checkpoints = new TreeMap<>();
    private final int maxCheckpoints;
    private final long maxSteps;
    private long interval;

    public History(long initialInterval, int maxCheckpoints, long maxSteps) {
        this.interval = Math.max(1, initialInterval);
        this.maxCheckpoints = Math.max(2, maxCheckpoints);
        this.maxSteps = maxSteps;
    }

    /** Called before each step: keeps a checkpoint when the step index is due. */
    void record(Interpreter in) {
        long step = in.steps();
        if (step % interval != 0 || checkpoints.containsKey(step)) return;
        checkpoints.put(step, in.snapshot());
        if (maxSteps > 0) {
            while (!checkpoints.isEmpty() && step - checkpoints.firstKey() > maxSteps && checkpoints.size() > 1) checkpoints.pollFirstEntry();
        }
        if (checkpoints.size() > maxCheckpoints) thin();
    }

    private void thin() {
        interval *= 2;
        checkpoints.keySet().removeIf(k -> k % interval != 0 && !k.equals(checkpoints.firstKey()));
    }

    /** The earliest step still reachable. */
    public long earliest() {
        return checkpoints.isEmpty() ? -1 : checkpoints.firstKey();
    }

    Map.Entry<Long, Interpreter.Snapshot> atOrBefore(long step) {
        return checkpoints.floorEntry(step);
    }

    Map.Entry<Long, Interpreter.Snapshot> before(long step) {
        return checkpoints.lowerEntry(step);
    }

    /** Forgets the future after a restore to an earlier step followed by a different path (goto, setVariable). */
    void truncateAfter(long step) {
        checkpoints.tailMap(step, false).clear();
    }

    public int size() {
        return checkpoints.size();
    }

    public long interval() {
        return interval;
    }
}

package eyn.debug;

import eyn.interpreter.Interpreter;
import eyn.machine.Footprint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkpoints of the whole machine and interpreter every few steps. Going back to step t restores
 * the checkpoint at or before t and replays forward; replay is deterministic, so the state is the
 * one the run had.
 *
 * <p>Memory is measured, not guessed: every checkpoint is walked when it is kept
 * ({@link Interpreter.Snapshot#footprint}), and what snapshots share copy-on-write (memory pages,
 * file chunks and chunk tables, disk-image blocks, strings) is counted once, by identity, with a
 * count of the checkpoints that hold it; what a checkpoint copies for itself is counted for it alone.
 * What the newest checkpoint shares is what the live state held when it was taken, so it is not
 * charged until an older checkpoint is left holding it alone: {@link #bytes()} is what the history
 * keeps alive beyond the live state (a 100 MB file the script has open costs nothing; each 100 MB
 * copy it made and then replaced costs 100 MB), and dropping a checkpoint gives back what only it held. When the total passes the budget, every other
 * checkpoint is dropped (and checkpoints are taken half as often from then on); when even that is not
 * enough, the oldest go, so the budget holds whatever a checkpoint costs.
 *
 * <p>How often: a budgeted history ({@link #withBudget}) takes a checkpoint after at least
 * {@code minInterval} steps, and then spaces them so that checkpointing costs about 5 % of the run
 * (a checkpoint's measured time, plus {@value #GC_NANOS_PER_BYTE} ns per byte it added for the
 * collector, against the measured time per step) while a step back never has to
 * replay much more than {@value #REPLAY_NANOS} ns of statements. A fixed history (the
 * three-argument constructor) takes one every {@code interval} steps and keeps a number of them.
 */
public final class History {
    /** A step back replays at most about this long (unless a checkpoint costs more than that). */
    static final long REPLAY_NANOS = 5_000_000;
    /** Checkpoints cost about 1/this of the running time. */
    static final long AMORTIZE = 20;
    /** A step back replays at most this many statements (when the budget has not thinned the history out). */
    static final long MAX_INTERVAL = 1 << 14;
    /**
     * What keeping a byte costs the run besides the snapshot's own time: the collector copies it out
     * of the young generation and marks it while it lives (measured: with checkpoints every 256
     * statements of a 2026 loop, holding 16 KiB each, the run took twice as long as without).
     */
    static final long GC_NANOS_PER_BYTE = 2;

    private record Checkpoint(Interpreter.Snapshot snapshot, long own, long added) {}

    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final TreeMap<Long, Interpreter.Snapshot> snapshots = new TreeMap<>();
    private final int maxCheckpoints;
    private final long maxSteps;
    private final long maxBytes;
    private final boolean adaptive;
    private final long minInterval;
    private long interval;
    /** Doubles every time the history is thinned out: checkpoints come that much less often. */
    private long spacing = 1;

    /** For each shared object: how many checkpoints hold it, and the last walk that saw it. */
    private final IdentityHashMap<Object, int[]> holders = new IdentityHashMap<>();
    private long sharedBytes;
    /** Shared bytes the newest checkpoint holds: the live state holds them too, so they cost the history nothing yet. */
    private long newestBytes;
    private int walk;
    private long ownBytes;
    private long peakBytes;
    private long dropped;

    /** The next step at which a checkpoint is due, and where the last one was taken or the run resumed. */
    private long nextDue;
    private long lastStep = -1;
    private long markStep;
    private long markNanos;

    /** A history that keeps a checkpoint every {@code initialInterval} steps, at most {@code maxCheckpoints} of them. */
    public History(long initialInterval, int maxCheckpoints, long maxSteps) {
        this(initialInterval, Math.max(2, maxCheckpoints), maxSteps, Long.MAX_VALUE, false);
    }

    private History(long interval, int maxCheckpoints, long maxSteps, long maxBytes, boolean adaptive) {
        this.minInterval = Math.max(1, interval);
        this.interval = minInterval;
        this.maxCheckpoints = maxCheckpoints;
        this.maxSteps = maxSteps;
        this.maxBytes = maxBytes;
        this.adaptive = adaptive;
    }

    /**
     * A history whose checkpoints, measured, never hold more than {@code maxBytes}; a checkpoint at
     * least every {@code minInterval} steps, more apart when checkpoints cost more than the statements
     * between them; none older than {@code maxSteps} steps (0: no limit).
     */
    public static History withBudget(long minInterval, long maxBytes, long maxSteps) {
        return new History(minInterval, Integer.MAX_VALUE, maxSteps, Math.max(0, maxBytes), true);
    }

    /** The run (re)starts at the interpreter's current step: time stopped in between does not count as running. */
    void resumed(Interpreter in) {
        markStep = in.steps();
        markNanos = System.nanoTime();
    }

    /** Called before each step: keeps a checkpoint when one is due. Cheap when none is. */
    void record(Interpreter in) {
        long step = in.steps();
        if (step >= lastStep && step < nextDue) {
            lastStep = step;
            return;
        }
        lastStep = step;
        Map.Entry<Long, Checkpoint> floor = checkpoints.floorEntry(step);
        if (floor != null && step - floor.getKey() < interval * spacing) {
            // gone back (a restore): the next one is due an interval after the checkpoint before
            nextDue = floor.getKey() + interval * spacing;
            return;
        }
        Long ahead = checkpoints.higherKey(step);
        if (ahead != null && ahead - step < interval * spacing) {
            nextDue = ahead;
            return;
        }
        long started = System.nanoTime();
        long added = keep(step, in.snapshot());
        long now = System.nanoTime();
        if (adaptive) adapt(step, now - started + GC_NANOS_PER_BYTE * added, started);
        markStep = step;
        markNanos = now;
        nextDue = step + interval * spacing;
    }

    /** Spaces checkpoints by what they cost against what the statements between them cost. */
    private void adapt(long step, long checkpointNanos, long started) {
        long ran = step - markStep;
        if (ran <= 0) return;
        double perStep = Math.max(1.0, (double) (started - markNanos) / ran);
        double amortized = AMORTIZE * checkpointNanos / perStep;
        double replay = Math.max(REPLAY_NANOS, checkpointNanos) / perStep;
        long next = (long) Math.min(amortized, replay);
        interval = Math.max(minInterval, Math.min(MAX_INTERVAL, next));
    }

    /** Keeps a checkpoint; returns the bytes it added. */
    private long keep(long step, Interpreter.Snapshot snapshot) {
        long[] own = {0};
        long[] added = {0};
        int mark = ++walk;
        newestBytes = 0;
        snapshot.footprint(new Footprint() {
            @Override
            public void shared(Object object, long bytes) {
                int[] n = holders.get(object);
                if (n == null) {
                    holders.put(object, new int[] {1, mark});
                    sharedBytes += bytes;
                    added[0] += bytes;
                    newestBytes += bytes;
                } else {
                    n[0]++;
                    if (n[1] != mark) {
                        n[1] = mark;
                        newestBytes += bytes;
                    }
                }
            }

            @Override
            public void own(long bytes) {
                own[0] += bytes;
            }
        });
        ownBytes += own[0];
        checkpoints.put(step, new Checkpoint(snapshot, own[0], added[0] + own[0]));
        snapshots.put(step, snapshot);
        if (maxSteps > 0) {
            while (checkpoints.size() > 1 && step - checkpoints.firstKey() > maxSteps) drop(checkpoints.firstKey());
        }
        if (checkpoints.size() > maxCheckpoints) thin();
        peakBytes = Math.max(peakBytes, bytes());
        while (bytes() > maxBytes && !checkpoints.isEmpty()) {
            if (checkpoints.size() > 2) thin();
            else drop(checkpoints.firstKey());
        }
        return added[0] + own[0];
    }

    /** Drops every other checkpoint (the first and the latest stay) and takes them half as often from now on. */
    private void thin() {
        spacing = Math.min(spacing * 2, 1 << 20);
        if (!adaptive) interval *= 2;
        List<Long> keys = new ArrayList<>(checkpoints.keySet());
        for (int i = 1; i < keys.size() - 1; i += 2) drop(keys.get(i));
    }

    private void drop(long step) {
        boolean newest = !checkpoints.isEmpty() && checkpoints.lastKey() == step;
        Checkpoint c = checkpoints.remove(step);
        if (c == null) return;
        snapshots.remove(step);
        dropped++;
        ownBytes -= c.own();
        c.snapshot().footprint(new Footprint() {
            @Override
            public void shared(Object object, long bytes) {
                int[] n = holders.get(object);
                if (n == null) return;
                if (--n[0] == 0) {
                    holders.remove(object);
                    sharedBytes -= bytes;
                }
            }

            @Override
            public void own(long bytes) { }
        });
        if (newest) measureNewest();
    }

    /** Works out what the (new) newest checkpoint shares with the live state. */
    private void measureNewest() {
        newestBytes = 0;
        if (checkpoints.isEmpty()) return;
        int mark = ++walk;
        checkpoints.lastEntry().getValue().snapshot().footprint(new Footprint() {
            @Override
            public void shared(Object object, long bytes) {
                int[] n = holders.get(object);
                if (n != null && n[1] != mark) {
                    n[1] = mark;
                    newestBytes += bytes;
                }
            }

            @Override
            public void own(long bytes) { }
        });
    }

    /** The earliest step still reachable. */
    public long earliest() {
        return checkpoints.isEmpty() ? -1 : checkpoints.firstKey();
    }

    Map.Entry<Long, Interpreter.Snapshot> atOrBefore(long step) {
        return snapshots.floorEntry(step);
    }

    Map.Entry<Long, Interpreter.Snapshot> before(long step) {
        return snapshots.lowerEntry(step);
    }

    /** Forgets the future after a restore to an earlier step followed by a different path (goto, setVariable). */
    void truncateAfter(long step) {
        for (Long k : new ArrayList<>(checkpoints.tailMap(step, false).keySet())) drop(k);
        nextDue = 0;
        lastStep = -1;
    }

    public int size() {
        return checkpoints.size();
    }

    /** Steps between checkpoints now (the measured spacing times the thinning). */
    public long interval() {
        return interval * spacing;
    }

    /**
     * What the checkpoints cost, measured: every object they share counted once, except those the
     * newest checkpoint holds (the live state, taken then, holds them too), plus each checkpoint's own copies.
     */
    public long bytes() {
        return sharedBytes - newestBytes + ownBytes;
    }

    /** The most {@link #bytes()} has been, right after a checkpoint was kept (before any eviction it caused). */
    public long peakBytes() {
        return peakBytes;
    }

    /** The budget {@link #bytes()} is kept under (Long.MAX_VALUE for a fixed history). */
    public long maxBytes() {
        return maxBytes;
    }

    /** Checkpoints dropped so far (thinned out, too old, over budget or forgotten). */
    public long dropped() {
        return dropped;
    }

    /** What the checkpoint at {@code step} added when it was kept: bytes no earlier checkpoint held, and its own copies; -1 when there is none. */
    public long addedBytes(long step) {
        Checkpoint c = checkpoints.get(step);
        return c == null ? -1 : c.added();
    }

    /** The steps that have a checkpoint, in order. */
    public List<Long> steps() {
        return List.copyOf(checkpoints.keySet());
    }
}

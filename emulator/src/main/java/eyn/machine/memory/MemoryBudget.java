package eyn.machine.memory;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The host memory one machine may hold: drive contents (file chunks loaded from folders, image
 * blocks changed), fds' and mappings' private chunks, heap pages, and whatever others reserve on its
 * behalf (the debugger's history). Commands ask before they grow the state ({@link #fits}); a request
 * that would pass the limit is refused, the machine says so on its console in EYN-OS's
 * {@code [MEMORY]} style, and the command fails with its own out-of-memory error, so a limit is never
 * reached by an {@link OutOfMemoryError}.
 *
 * <p>Cheap on the common path: {@link #fits} adds the request's upper bound to a running estimate,
 * and only when the estimate would pass the limit is the machine measured exactly (shared chunks
 * once, memory freed since counted no more). Used on the machine's thread.
 */
public final class MemoryBudget {
    /** The share of the JVM's max heap a machine gets by default; the rest is for the JVM itself, output and transient buffers. */
    public static final double DEFAULT_SHARE = 0.5;
    /** No budget is smaller: a fresh machine's heap pages and a few files fit. */
    public static final long MIN = 1L << 20;

    private final long limit;
    private LongSupplier measure = () -> 0;
    private Consumer<String> refusals = line -> { };
    /** The machine's state at the last exact measurement plus every request granted since (an upper bound). */
    private long machineEstimate;
    private boolean stale = true;
    /** Held by others for this machine (the debugger's history), through {@link #tryReserve}/{@link #release}. */
    private long reserved;
    private long refused;

    public MemoryBudget(long limit) {
        if (limit < MIN) throw new IllegalArgumentException("a memory budget is at least 1 MiB");
        this.limit = limit;
    }

    /** The budget for a machine when none is set: half of the JVM's max heap (1 GiB when the heap is unbounded). */
    public static long defaultLimit() {
        long max = Runtime.getRuntime().maxMemory();
        if (max == Long.MAX_VALUE) return 1L << 30;
        return Math.max(MIN, (long) (max * DEFAULT_SHARE));
    }

    /** The machine this budget measures (its exact retained size) and where refusals are told. */
    public void attach(LongSupplier measureMachine, Consumer<String> refusalLines) {
        this.measure = measureMachine;
        this.refusals = refusalLines;
        this.stale = true;
    }

    public long limit() {
        return limit;
    }

    /** The machine changed in ways no request announced (a restored snapshot): measure again before the next grant. */
    public synchronized void invalidate() {
        stale = true;
    }

    /**
     * Whether the machine may grow by up to {@code bytes}; when it may, the bytes count from now on.
     * A refusal prints the {@code [MEMORY]} line on the machine's console (the caller then prints its own error).
     */
    public synchronized boolean fits(long bytes) {
        if (bytes <= 0) return true;
        if (!stale && machineEstimate + reserved + bytes <= limit) {
            machineEstimate += bytes;
            return true;
        }
        long now = measure.getAsLong();
        machineEstimate = now;
        stale = false;
        if (now + reserved + bytes <= limit) {
            machineEstimate += bytes;
            return true;
        }
        refused++;
        refusals.accept(refusalLine(bytes, now + reserved));
        return false;
    }

    /**
     * Whether a command may hold {@code bytes} for as long as it runs (one array of a whole file and what it
     * makes of it) besides what the machine retains; nothing is counted afterwards. A refusal prints the
     * {@code [MEMORY]} line as {@link #fits} does.
     */
    public synchronized boolean fitsTransiently(long bytes) {
        if (bytes <= 0) return true;
        if (stale || machineEstimate + reserved + bytes > limit) {
            machineEstimate = measure.getAsLong();
            stale = false;
        }
        if (machineEstimate + reserved + bytes <= limit) return true;
        refused++;
        refusals.accept(refusalLine(bytes, machineEstimate + reserved));
        return false;
    }

    /** For others holding memory on the machine's behalf (the debugger's history): true and counted when it fits, false otherwise (nothing printed). */
    public synchronized boolean tryReserve(long bytes) {
        if (bytes <= 0) return true;
        if (stale || machineEstimate + reserved + bytes > limit) {
            machineEstimate = measure.getAsLong();
            stale = false;
        }
        if (machineEstimate + reserved + bytes > limit) return false;
        reserved += bytes;
        return true;
    }

    /** Gives back what {@link #tryReserve} granted. */
    public synchronized void release(long bytes) {
        reserved = Math.max(0, reserved - Math.max(0, bytes));
    }

    /** What others reserve now. */
    public synchronized long reservedBytes() {
        return reserved;
    }

    /** The machine's state, measured exactly now (shared arrays once), plus what others reserve. */
    public synchronized long retainedBytes() {
        machineEstimate = measure.getAsLong();
        stale = false;
        return machineEstimate + reserved;
    }

    /** How many requests were refused. */
    public synchronized long refusals() {
        return refused;
    }

    /** The line a refusal prints, in the style of EYN-OS's allocator ({@code [MEMORY] Out of memory (requested …)}). */
    public String refusalLine(long requested, long inUse) {
        return "[MEMORY] Out of host memory (requested " + requested + " bytes, in use: " + inUse / 1024 + " KB, budget: "
                + limit / 1024 + " KB)";
    }

    /**
     * A size as people type it: bytes, or a number with K, M, G (KiB, MiB, GiB; also KB/MB/GB, KiB/MiB/GiB,
     * any case). Null when it is not one.
     */
    public static Long parseSize(String text) {
        if (text == null) return null;
        String t = text.strip().toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
        if (i == 0 || i > 12) return null;
        long n = Long.parseLong(t.substring(0, i));
        String unit = t.substring(i).strip();
        int shift = switch (unit) {
            case "", "B" -> 0;
            case "K", "KB", "KIB" -> 10;
            case "M", "MB", "MIB" -> 20;
            case "G", "GB", "GIB" -> 30;
            default -> -1;
        };
        if (shift < 0 || n > (Long.MAX_VALUE >> shift)) return null;
        return n << shift;
    }

    /** A size for people: whole MiB when it is one, else KiB, else bytes. */
    public static String describe(long bytes) {
        if (bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes % 1024 == 0) return (bytes >> 10) + " KiB";
        return bytes + " bytes";
    }
}

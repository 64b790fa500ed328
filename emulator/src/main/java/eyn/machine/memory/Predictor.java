package eyn.machine.memory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * EYN-OS's predictive allocator (reference 2.2) working as its design intends, which the real code
 * does not: freed blocks stay cached in their slot so a later request of a size that fits is a
 * hit; prefetch really reserves blocks of the sizes seen most; optimisation drops the cache when the
 * hit rate is poor. Every buffer the emulated commands allocate goes through here.
 */
public final class Predictor {
    public static final int SLOTS = 16;
    public static final int HISTORY = 256;
    public static final int SIZE_WINDOW = 64;
    public static final int FREQUENCY = 1024;
    public static final int CLASSES = 64;
    public static final double PREFETCH_THRESHOLD = 0.7;
    public static final double LOW_HIT_RATE = 0.3;
    public static final int OPTIMIZE_EVERY = 1000;
    public static final int MIN_HISTORY = 10;
    public static final int COMMON_SIZE_MIN = 6;

    /** One of the 16 predicted-block slots. address 0 means empty. */
    public record Slot(int address, int size, boolean used, long lastUse) {}

    /** What one optimisation pass did, for {@code predict optimize} and the debugger. */
    public record Optimization(double score, int reserved, int dropped) {}

    private final Heap heap;
    private int[] accessPattern = new int[HISTORY];
    private int[] allocationSizes = new int[SIZE_WINDOW];
    private int[] accessFrequency = new int[FREQUENCY];
    private byte[] classTable = new byte[CLASSES];
    private Slot[] slots = new Slot[SLOTS];
    private double score;
    private long hits;
    private long misses;
    private long totalAccesses;
    private long accessCount;
    private long timer;
    private long lastAccessTime;

    public Predictor(Heap heap) {
        this.heap = heap;
        Arrays.fill(classTable, (byte) -1);
        Arrays.fill(slots, new Slot(0, 0, false, 0));
    }

    /** Reports the predictor's tables, which every copy has for itself. */
    public void footprint(eyn.machine.Footprint f) {
        f.own(96 + 4L * (accessPattern.length + allocationSizes.length + accessFrequency.length) + 16 * 3
                + eyn.machine.Footprint.bytes(classTable.length) + eyn.machine.Footprint.references(slots.length) + 32L * slots.length);
    }

    public Predictor copyOnto(Heap heapCopy) {
        Predictor p = new Predictor(heapCopy);
        p.accessPattern = accessPattern.clone();
        p.allocationSizes = allocationSizes.clone();
        p.accessFrequency = accessFrequency.clone();
        p.classTable = classTable.clone();
        p.slots = slots.clone();
        p.score = score;
        p.hits = hits;
        p.misses = misses;
        p.totalAccesses = totalAccesses;
        p.accessCount = accessCount;
        p.timer = timer;
        p.lastAccessTime = lastAccessTime;
        return p;
    }

    /** Size class of a request (reference 2.2). */
    public static int sizeClass(int size) {
        int limit = 16;
        for (int c = 0; c <= 8; c++, limit <<= 1) if (size <= limit) return c;
        return ((size >>> 8) % 55) + 9;
    }

    /** Allocates through the prediction cache; 0 when the heap cannot give the memory. */
    public int allocate(int size) {
        if (size <= 0) return heap.allocate(size);
        int slot = cachedSlotFor(size);
        if (slot >= 0) {
            Slot s = slots[slot];
            slots[slot] = new Slot(s.address(), s.size(), true, timer);
            hits++;
            recordAccess(s.address(), size);
            return s.address();
        }
        int address = heap.allocate(size);
        if (address == 0 && heap.lastFailure() == Heap.Failure.OUT_OF_MEMORY && dropCached() > 0) {
            address = heap.allocate(size);
        }
        misses++;
        if (address == 0) return 0;
        int target = slotForNewBlock();
        if (target >= 0) {
            slots[target] = new Slot(address, heap.blockSize(address), true, timer);
            classTable[sizeClass(size)] = (byte) target;
        }
        recordAccess(address, size);
        return address;
    }

    /** Frees a block: a tracked one stays cached for the next request of its size. */
    public boolean free(int address) {
        for (int i = 0; i < SLOTS; i++) {
            Slot s = slots[i];
            if (s.address() == address && s.used()) {
                slots[i] = new Slot(s.address(), s.size(), false, timer);
                return true;
            }
        }
        return heap.free(address);
    }

    /** Runs the periodic analysis: score, prefetch when it is high, cache drop when hits are rare. */
    public Optimization optimize() {
        double current = computeScore();
        int reserved = current > PREFETCH_THRESHOLD ? prefetch() : 0;
        int dropped = 0;
        if (hits + misses > 0 && hitRate() < LOW_HIT_RATE) dropped = dropCached();
        return new Optimization(current, reserved, dropped);
    }

    /** {@code predict reset}: every statistic back to zero; cached blocks stay. */
    public void reset() {
        hits = 0;
        misses = 0;
        totalAccesses = 0;
        accessCount = 0;
        score = 0;
        Arrays.fill(accessPattern, 0);
        Arrays.fill(allocationSizes, 0);
        Arrays.fill(accessFrequency, 0);
    }

    /** {@code predict init}: statistics cleared, cache released, slots forgotten. */
    public void init() {
        dropCached();
        reset();
        Arrays.fill(slots, new Slot(0, 0, false, 0));
        Arrays.fill(classTable, (byte) -1);
        timer = 0;
        lastAccessTime = 0;
    }

    public long hits() { return hits; }
    public long misses() { return misses; }
    public long totalAccesses() { return totalAccesses; }
    public double score() { return score; }

    /** The score with two decimals, as the fixed {@code predict stats} and the debugger's Predictor scope show it. */
    public String scoreText() { return twoDecimals(score); }
    public long lastAccessTime() { return lastAccessTime; }

    /**
     * What {@code String.format(Locale.ROOT, "%.2f", x)} writes (half up on the shortest decimal form), without the
     * Formatter: its format parsing and locale lookups were a fifth of a debugger stop's work while the JIT warmed up
     * (docs/benchmarks.md, "The debug adapter", session 14).
     */
    static String twoDecimals(double x) {
        if (!Double.isFinite(x)) return String.format(Locale.ROOT, "%.2f", x);
        BigDecimal rounded = new BigDecimal(Double.toString(x)).setScale(2, RoundingMode.HALF_UP);
        // a BigDecimal has no negative zero, the Formatter keeps the sign: -0.001 is "-0.00"
        return rounded.signum() == 0 && Math.copySign(1.0, x) < 0 ? "-" + rounded.toPlainString() : rounded.toPlainString();
    }

    public double hitRate() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }

    /** The integer percentage EYN-OS prints. */
    public int hitRatePercent() {
        long total = hits + misses;
        return total == 0 ? 0 : (int) (hits * 100 / total);
    }

    public int[] accessPattern() { return accessPattern.clone(); }
    public int[] allocationSizes() { return allocationSizes.clone(); }
    public int[] accessFrequency() { return accessFrequency.clone(); }
    public Slot[] slots() { return slots.clone(); }

    public int cachedSlots() {
        int n = 0;
        for (Slot s : slots) if (s.address() != 0 && !s.used()) n++;
        return n;
    }

    private int cachedSlotFor(int size) {
        int viaClass = classTable[sizeClass(size)];
        if (viaClass >= 0 && fits(slots[viaClass], size)) return viaClass;
        int best = -1;
        for (int i = 0; i < SLOTS; i++) {
            if (fits(slots[i], size) && (best < 0 || slots[i].size() < slots[best].size())) best = i;
        }
        return best;
    }

    private static boolean fits(Slot s, int size) {
        return s.address() != 0 && !s.used() && s.size() >= size;
    }

    private int slotForNewBlock() {
        int victim = -1;
        for (int i = 0; i < SLOTS; i++) {
            Slot s = slots[i];
            if (s.address() == 0) return i;
            if (!s.used() && (victim < 0 || s.lastUse() < slots[victim].lastUse())) victim = i;
        }
        if (victim >= 0) release(victim);
        return victim;
    }

    private void release(int i) {
        Slot s = slots[i];
        heap.free(s.address());
        for (int c = 0; c < CLASSES; c++) if (classTable[c] == i) classTable[c] = -1;
        slots[i] = new Slot(0, 0, false, timer);
    }

    private int dropCached() {
        int dropped = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i].address() != 0 && !slots[i].used()) {
                release(i);
                dropped++;
            }
        }
        return dropped;
    }

    private int prefetch() {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int size : allocationSizes) if (size != 0) counts.merge(size, 1, Integer::sum);
        int reserved = 0;
        int distinct = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (distinct++ >= 4) break;
            int size = e.getKey();
            if (e.getValue() < COMMON_SIZE_MIN || cachedSlotFor(size) >= 0) continue;
            int empty = -1;
            for (int i = 0; i < SLOTS && empty < 0; i++) if (slots[i].address() == 0) empty = i;
            if (empty < 0) break;
            int address = heap.allocate(size);
            if (address == 0) break;
            slots[empty] = new Slot(address, heap.blockSize(address), false, timer);
            classTable[sizeClass(size)] = (byte) empty;
            reserved++;
        }
        return reserved;
    }

    private void recordAccess(int address, int size) {
        totalAccesses++;
        timer++;
        accessFrequency[(address >>> 8) % FREQUENCY]++;
        System.arraycopy(allocationSizes, 1, allocationSizes, 0, SIZE_WINDOW - 1);
        allocationSizes[SIZE_WINDOW - 1] = size;
        System.arraycopy(accessPattern, 1, accessPattern, 0, HISTORY - 1);
        accessPattern[HISTORY - 1] = address;
        accessCount++;
        lastAccessTime = timer;
        computeScore();
        if (totalAccesses % OPTIMIZE_EVERY == 0) optimize();
    }

    /** (share of recent sizes seen + share of recent addresses seen) / 2; kept only after 10 accesses. */
    private double computeScore() {
        if (accessCount < MIN_HISTORY) return 0;
        int sizes = 0;
        for (int s : allocationSizes) if (s != 0) sizes++;
        int addresses = 0;
        for (int i = HISTORY - 16; i < HISTORY; i++) if (accessPattern[i] != 0) addresses++;
        score = ((double) sizes / SIZE_WINDOW + (double) addresses / 16) / 2;
        return score;
    }
}

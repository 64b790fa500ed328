package eyn.machine;

/**
 * Receives what a saved state holds, so that a debugger's history can measure the memory its
 * snapshots really retain. Snapshots share most of what they hold (memory pages, file chunks, chunk
 * tables, disk-image blocks, strings) copy-on-write: those are reported by identity with
 * {@link #shared} and count once however many snapshots hold them; what each snapshot copies for
 * itself (maps, small tables, counters) is reported with {@link #own}. Sizes are estimates of the
 * JVM's footprint (16-byte headers, 4-byte references).
 */
public interface Footprint {
    /** An object that snapshots may share, counted once however many hold it. */
    void shared(Object object, long bytes);

    /** Bytes held by this snapshot alone. */
    void own(long bytes);

    /** The footprint of a {@code byte[]} of this length. */
    static long bytes(int length) {
        return 16 + (long) length;
    }

    /** The footprint of an array of references of this length. */
    static long references(int length) {
        return 16 + 4L * length;
    }

    /** The footprint of a String of this length (Latin-1, with its array). */
    static long string(String s) {
        return 24 + 16 + (long) s.length();
    }

    /** The footprint of a map entry holding two small objects (TreeMap or LinkedHashMap). */
    long ENTRY = 48;
}

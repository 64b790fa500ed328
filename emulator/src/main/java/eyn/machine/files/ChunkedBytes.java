package eyn.machine.files;

import java.util.Arrays;
import java.util.BitSet;

/**
 * File contents as fixed-size chunks shared copy-on-write. {@link #share()} hands out a second view
 * without copying bytes; a write copies only the chunk it touches. Chunk-aligned transfers between
 * two instances move chunk references, so zero-copy operations cost per chunk, not per byte.
 * A null chunk reads as zeros. Not thread-safe: one machine owns it.
 */
public final class ChunkedBytes {
    public static final int CHUNK = 4096;
    private static final byte[][] NO_CHUNKS = new byte[0][];

    private byte[][] chunks;
    private int length;
    /** False while the chunk array itself may be referenced by another instance. */
    private boolean arrayOwned;
    /** Chunks this instance alone references and may change in place. */
    private final BitSet ownedChunks;

    private ChunkedBytes(byte[][] chunks, int length, boolean arrayOwned, BitSet owned) {
        this.chunks = chunks;
        this.length = length;
        this.arrayOwned = arrayOwned;
        this.ownedChunks = owned;
    }

    public static ChunkedBytes empty() {
        return new ChunkedBytes(NO_CHUNKS, 0, false, new BitSet());
    }

    public static ChunkedBytes of(byte[] data) {
        ChunkedBytes b = empty();
        b.write(0, data, 0, data.length);
        return b;
    }

    /** A second view of the same bytes; from now on both copy a chunk before changing it. */
    public ChunkedBytes share() {
        arrayOwned = false;
        ownedChunks.clear();
        return new ChunkedBytes(chunks, length, false, new BitSet());
    }

    public int length() {
        return length;
    }

    /** Reports the chunk table and the chunks, which views share copy-on-write. */
    public void footprint(eyn.machine.Footprint f) {
        f.own(48);
        if (chunks.length == 0) return;
        f.shared(chunks, eyn.machine.Footprint.references(chunks.length));
        for (byte[] c : chunks) if (c != null) f.shared(c, eyn.machine.Footprint.bytes(c.length));
    }

    public int chunkCount() {
        return chunksFor(length);
    }

    public byte get(int pos) {
        if (pos < 0 || pos >= length) throw new IndexOutOfBoundsException(pos);
        byte[] c = chunks[pos / CHUNK];
        return c == null ? 0 : c[pos % CHUNK];
    }

    public void read(int pos, byte[] dst, int off, int len) {
        checkRange(pos, len);
        while (len > 0) {
            int k = pos / CHUNK;
            int in = pos % CHUNK;
            int n = Math.min(len, CHUNK - in);
            byte[] c = chunks[k];
            if (c == null) Arrays.fill(dst, off, off + n, (byte) 0);
            else System.arraycopy(c, in, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    public byte[] read(int pos, int len) {
        byte[] out = new byte[len];
        read(pos, out, 0, len);
        return out;
    }

    public byte[] toByteArray() {
        return read(0, length);
    }

    /** Writes bytes at {@code pos}, growing the contents (zero-filled) when needed. */
    public void write(int pos, byte[] src, int off, int len) {
        if (pos < 0 || len < 0 || (long) pos + len > Integer.MAX_VALUE) throw new IndexOutOfBoundsException(pos);
        if (pos + len > length) setLength(pos + len);
        while (len > 0) {
            int k = pos / CHUNK;
            int in = pos % CHUNK;
            int n = Math.min(len, CHUNK - in);
            System.arraycopy(src, off, writableChunk(k), in, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    public void set(int pos, byte value) {
        write(pos, new byte[] {value}, 0, 1);
    }

    public void setLength(int newLength) {
        if (newLength < 0) throw new IllegalArgumentException("negative length");
        if (newLength < length) {
            int tail = newLength % CHUNK;
            if (tail != 0) {
                byte[] c = writableChunk(newLength / CHUNK);
                Arrays.fill(c, tail, CHUNK, (byte) 0);
            }
            ensureArrayOwned(chunksFor(newLength));
            Arrays.fill(chunks, chunksFor(newLength), chunks.length, null);
            ownedChunks.clear(chunksFor(newLength), Math.max(chunksFor(newLength), chunks.length));
        } else {
            ensureArrayOwned(chunksFor(newLength));
        }
        length = newLength;
    }

    /**
     * Copies {@code len} bytes from {@code src} at {@code srcPos} to this at {@code dstPos}, growing
     * this as needed. Whole chunks that line up are shared, not copied.
     */
    public void transferFrom(ChunkedBytes src, int srcPos, int dstPos, int len) {
        src.checkRange(srcPos, len);
        if (len == 0) return;
        if ((long) dstPos + len > Integer.MAX_VALUE) throw new IndexOutOfBoundsException(dstPos);
        if (dstPos + len > length) setLength(dstPos + len);
        if (src == this) {
            write(dstPos, src.read(srcPos, len), 0, len);
            return;
        }
        if (srcPos % CHUNK != dstPos % CHUNK) {
            copyBytes(src, srcPos, dstPos, len);
            return;
        }
        int head = Math.min(len, (CHUNK - srcPos % CHUNK) % CHUNK);
        copyBytes(src, srcPos, dstPos, head);
        srcPos += head;
        dstPos += head;
        len -= head;
        int whole = len / CHUNK;
        if (whole > 0) {
            ensureArrayOwned(chunksFor(length));
            int sk = srcPos / CHUNK;
            int dk = dstPos / CHUNK;
            System.arraycopy(src.chunks, sk, chunks, dk, whole);
            ownedChunks.clear(dk, dk + whole);
            src.ownedChunks.clear(sk, sk + whole);
            srcPos += whole * CHUNK;
            dstPos += whole * CHUNK;
            len -= whole * CHUNK;
        }
        copyBytes(src, srcPos, dstPos, len);
    }

    private void copyBytes(ChunkedBytes src, int srcPos, int dstPos, int len) {
        byte[] buffer = new byte[Math.min(len, CHUNK)];
        while (len > 0) {
            int n = Math.min(len, buffer.length);
            src.read(srcPos, buffer, 0, n);
            write(dstPos, buffer, 0, n);
            srcPos += n;
            dstPos += n;
            len -= n;
        }
    }

    public boolean contentEquals(ChunkedBytes other) {
        if (other.length != length) return false;
        for (int k = 0; k < chunkCount(); k++) {
            byte[] a = chunks[k];
            byte[] b = other.chunks[k];
            if (a == b) continue;
            int n = Math.min(CHUNK, length - k * CHUNK);
            for (int i = 0; i < n; i++) {
                if ((a == null ? 0 : a[i]) != (b == null ? 0 : b[i])) return false;
            }
        }
        return true;
    }

    /** A stable digest of the contents, for tests and the debugger's state checks. */
    public long digest() {
        long h = 1125899906842597L + length;
        for (int k = 0; k < chunkCount(); k++) {
            byte[] c = chunks[k];
            int n = Math.min(CHUNK, length - k * CHUNK);
            for (int i = 0; i < n; i++) h = 31 * h + (c == null ? 0 : c[i]);
        }
        return h;
    }

    /** Adds the arrays this instance holds to a measurement (shared ones count once across instances). */
    public void measure(eyn.machine.memory.MemoryMeter meter) {
        if (chunks.length > 0) meter.references(chunks);
        for (byte[] c : chunks) meter.bytes(c);
    }

    /**
     * At most how many more bytes of host memory {@link #write} of {@code len} bytes at {@code pos} holds:
     * a chunk for each one touched that this instance does not own yet, and a larger chunk table.
     */
    public long writeCost(long pos, long len) {
        if (len <= 0) return 0;
        long cost = tableCost(pos + len);
        long first = pos / CHUNK;
        long last = (pos + len - 1) / CHUNK;
        for (long k = first; k <= last; k++) {
            if (k >= chunks.length || !arrayOwned || !ownedChunks.get((int) k)) cost += CHUNK + eyn.machine.memory.MemoryMeter.ARRAY_HEADER;
        }
        return cost;
    }

    /**
     * At most how many more bytes {@link #transferFrom} holds: when the chunks line up, only the partial
     * chunks at both ends are copied (the rest is shared); otherwise every chunk touched.
     */
    public long transferCost(ChunkedBytes src, long srcPos, long dstPos, long len) {
        if (len <= 0) return 0;
        if (src == this || srcPos % CHUNK != dstPos % CHUNK) return writeCost(dstPos, len);
        return tableCost(dstPos + len) + 2L * (CHUNK + eyn.machine.memory.MemoryMeter.ARRAY_HEADER);
    }

    private long tableCost(long end) {
        long needed = (Math.max(end, length) + CHUNK - 1) / CHUNK;
        if (arrayOwned && chunks.length >= needed) return 0;
        long capacity = Math.max(needed, chunks.length + chunks.length / 2);
        return eyn.machine.memory.MemoryMeter.ARRAY_HEADER + capacity * eyn.machine.memory.MemoryMeter.REFERENCE;
    }

    private byte[] writableChunk(int k) {
        ensureArrayOwned(chunksFor(length));
        if (!ownedChunks.get(k)) {
            byte[] old = chunks[k];
            chunks[k] = old == null ? new byte[CHUNK] : old.clone();
            ownedChunks.set(k);
        }
        return chunks[k];
    }

    private void ensureArrayOwned(int needed) {
        if (arrayOwned && chunks.length >= needed) return;
        int capacity = Math.max(needed, chunksFor(length));
        if (capacity > chunks.length) capacity = Math.max(capacity, chunks.length + chunks.length / 2);
        chunks = Arrays.copyOf(chunks, capacity);
        arrayOwned = true;
    }

    private void checkRange(int pos, int len) {
        if (pos < 0 || len < 0 || (long) pos + len > length) {
            throw new IndexOutOfBoundsException("range " + pos + "+" + len + " outside " + length);
        }
    }

    private static int chunksFor(int length) {
        return (int) (((long) length + CHUNK - 1) / CHUNK);
    }
}

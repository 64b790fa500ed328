package eyn.machine.memory;

import java.util.Arrays;
import java.util.BitSet;

/** Byte-addressed memory in 4 KiB pages, copied page by page on write after {@link #copy()}. */
public final class PagedMemory {
    static final int PAGE = 4096;

    private final int size;
    private byte[][] pages;
    private final BitSet owned;

    public PagedMemory(int size) {
        this(size, new byte[(size + PAGE - 1) / PAGE][], new BitSet());
    }

    private PagedMemory(int size, byte[][] pages, BitSet owned) {
        this.size = size;
        this.pages = pages;
        this.owned = owned;
    }

    public int size() {
        return size;
    }

    /** Reports the page table and the pages in use (shared copy-on-write between copies). */
    public void footprint(eyn.machine.Footprint f) {
        f.own(eyn.machine.Footprint.references(pages.length) + 64);
        for (byte[] p : pages) if (p != null) f.shared(p, eyn.machine.Footprint.bytes(p.length));
    }

    public PagedMemory copy() {
        owned.clear();
        return new PagedMemory(size, pages.clone(), new BitSet());
    }

    public int readByte(int offset) {
        byte[] p = pages[offset / PAGE];
        return p == null ? 0 : p[offset % PAGE] & 0xFF;
    }

    public void read(int offset, byte[] dst, int off, int len) {
        for (int i = 0; i < len; ) {
            int pos = offset + i;
            int n = Math.min(len - i, PAGE - pos % PAGE);
            byte[] p = pages[pos / PAGE];
            if (p == null) Arrays.fill(dst, off + i, off + i + n, (byte) 0);
            else System.arraycopy(p, pos % PAGE, dst, off + i, n);
            i += n;
        }
    }

    public void write(int offset, byte[] src, int off, int len) {
        for (int i = 0; i < len; ) {
            int pos = offset + i;
            int n = Math.min(len - i, PAGE - pos % PAGE);
            System.arraycopy(src, off + i, writablePage(pos / PAGE), pos % PAGE, n);
            i += n;
        }
    }

    public void fill(int offset, int len, byte value) {
        for (int i = 0; i < len; ) {
            int pos = offset + i;
            int n = Math.min(len - i, PAGE - pos % PAGE);
            if (value != 0 || pages[pos / PAGE] != null) Arrays.fill(writablePage(pos / PAGE), pos % PAGE, pos % PAGE + n, value);
            i += n;
        }
    }

    public int readInt(int offset) {
        return readByte(offset) | readByte(offset + 1) << 8 | readByte(offset + 2) << 16 | readByte(offset + 3) << 24;
    }

    public void writeInt(int offset, int value) {
        write(offset, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)}, 0, 4);
    }

    /** Adds the page table and the pages written so far to a measurement (pages shared with snapshots count once). */
    public void measure(MemoryMeter meter) {
        meter.references(pages);
        for (byte[] p : pages) meter.bytes(p);
    }

    private byte[] writablePage(int k) {
        if (!owned.get(k)) {
            byte[] old = pages[k];
            pages[k] = old == null ? new byte[PAGE] : old.clone();
            owned.set(k);
        }
        return pages[k];
    }
}

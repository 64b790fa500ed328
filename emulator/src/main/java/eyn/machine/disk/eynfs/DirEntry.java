package eyn.machine.disk.eynfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One 52-byte directory entry: name[32] (NUL-terminated), type, flags, 2 reserved bytes, size,
 * first block, 8 reserved bytes. {@code raw} keeps the bytes as read, so rewriting an entry keeps
 * the flags and reserved bytes another tool may have put there.
 */
public record DirEntry(byte[] raw) {
    public static DirEntry parse(byte[] block, int offset) {
        return new DirEntry(Arrays.copyOfRange(block, offset, offset + Layout.ENTRY));
    }

    static DirEntry create(byte[] name, int type, long size, long firstBlock) {
        byte[] raw = new byte[Layout.ENTRY];
        System.arraycopy(name, 0, raw, 0, name.length);
        raw[32] = (byte) type;
        Layout.putU32(raw, 36, size);
        Layout.putU32(raw, 40, firstBlock);
        return new DirEntry(raw);
    }

    DirEntry with(long size, long firstBlock) {
        byte[] r = raw.clone();
        Layout.putU32(r, 36, size);
        Layout.putU32(r, 40, firstBlock);
        return new DirEntry(r);
    }

    /** A free slot: EYN-OS looks only at the first name byte. */
    public boolean free() {
        return raw[0] == 0;
    }

    public byte[] nameBytes() {
        int n = 0;
        while (n < Layout.NAME_FIELD && raw[n] != 0) n++;
        return Arrays.copyOf(raw, n);
    }

    public String name() {
        return new String(nameBytes(), StandardCharsets.UTF_8);
    }

    public int type() {
        return raw[32] & 0xFF;
    }

    public boolean directory() {
        return type() == Layout.TYPE_DIR;
    }

    public int flags() {
        return raw[33] & 0xFF;
    }

    public long size() {
        return Layout.u32(raw, 36);
    }

    public long firstBlock() {
        return Layout.u32(raw, 40);
    }

    /** Whether this entry's name is {@code name}: EYN-OS compares up to 32 bytes (strncmp). */
    boolean named(byte[] name) {
        byte[] mine = nameBytes();
        return Arrays.equals(mine, name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirEntry d && Arrays.equals(raw, d.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "DirEntry[" + name() + ", type " + type() + ", size " + size() + ", first " + firstBlock() + "]";
    }
}

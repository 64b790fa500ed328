package eyn.debug;

import eyn.machine.Machine;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a data breakpoint watches, as a typed value: an fd's offset, size or being open, a mapping
 * existing, the predictor's hit rate, or a range of the address space. {@link #id()} is its stable
 * text form (a debug adapter's {@code dataId}); {@link #parse} reads it back.
 */
public sealed interface WatchTarget {
    /** How the watch is triggered: by a change of the value, by a read of the bytes, or by either. */
    enum Access { WRITE, READ, READ_WRITE }

    String id();

    /** What is watched, as the UI says it ("fd 3 offset", "the mapping at 0x01001000"). */
    String description();

    /** The value now, compared after every step. */
    Object read(Machine machine);

    /** The accesses this target can be watched for: reads only for memory ranges. */
    default java.util.List<Access> accesses() {
        return java.util.List.of(Access.WRITE);
    }

    record FdOffset(int fd) implements WatchTarget {
        public String id() { return "fd:" + fd + ":offset"; }
        public String description() { return "fd " + fd + " offset"; }
        public Object read(Machine m) {
            var f = m.fds().get(fd);
            return f == null ? null : f.offset;
        }
    }

    record FdSize(int fd) implements WatchTarget {
        public String id() { return "fd:" + fd + ":size"; }
        public String description() { return "fd " + fd + " size"; }
        public Object read(Machine m) {
            var f = m.fds().get(fd);
            return f == null ? null : f.size();
        }
    }

    record FdOpen(int fd) implements WatchTarget {
        public String id() { return "fd:" + fd + ":open"; }
        public String description() { return "fd " + fd + " open"; }
        public Object read(Machine m) { return m.fds().get(fd) != null; }
    }

    record MappingExists(long address) implements WatchTarget {
        public String id() { return "map:" + address + ":mapped"; }
        public String description() { return "mapping at " + hex(address); }
        public Object read(Machine m) { return m.mappings().stream().anyMatch(x -> x.address == address); }
    }

    record HitRate() implements WatchTarget {
        public String id() { return "predictor:hitrate"; }
        public String description() { return "hit rate"; }
        public Object read(Machine m) { return m.predictor().hitRatePercent(); }
    }

    /** {@code bytes} bytes of the address space from {@code address}: the value is a digest of the bytes. */
    record MemoryRange(long address, int bytes) implements WatchTarget {
        public MemoryRange {
            if (address < 0 || address >= 1L << 32) throw new IllegalArgumentException("address out of the 32-bit space");
            if (bytes < 1 || bytes > 65536) throw new IllegalArgumentException("1 to 65536 bytes");
        }
        public String id() { return "mem:" + address + ":" + bytes; }
        public String description() { return bytes + " bytes at " + hex(address); }
        public Object read(Machine m) {
            byte[] b = new byte[bytes];
            int n = m.readMemory(address, b, bytes);
            return n + ":" + Arrays.hashCode(b);
        }
        @Override public java.util.List<Access> accesses() {
            return java.util.List.of(Access.WRITE, Access.READ, Access.READ_WRITE);
        }
        boolean overlaps(long from, long length) {
            return from < address + bytes && from + length > address;
        }
    }

    /** The target an {@link #id()} names, or null. */
    static WatchTarget parse(String id) {
        if (id == null) return null;
        String[] p = id.split(":");
        try {
            return switch (p[0]) {
                case "fd" -> p.length != 3 ? null : switch (p[2]) {
                    case "offset" -> new FdOffset(Integer.parseInt(p[1]));
                    case "size" -> new FdSize(Integer.parseInt(p[1]));
                    case "open" -> new FdOpen(Integer.parseInt(p[1]));
                    default -> null;
                };
                case "map" -> p.length == 3 ? new MappingExists(Long.parseLong(p[1])) : null;
                case "predictor" -> id.equals("predictor:hitrate") ? new HitRate() : null;
                case "mem" -> p.length == 3 ? new MemoryRange(Long.parseLong(p[1]), Integer.parseInt(p[2])) : null;
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String hex(long address) {
        return String.format(Locale.ROOT, "0x%08X", address);
    }
}

package eyn.debug;

import eyn.machine.Machine;
import java.util.Arrays;
import java.util.Locale;

/**
 * The emulated address space as a debugger's memory view reads and writes it: references are hex
 * addresses ("0x00800000"), reads stop at unmapped bytes, and a write that does not fit is refused
 * unless a partial write is allowed.
 */
public final class MemoryAccess {
    /** At most this many bytes in one read. */
    public static final int MAX_READ = 1 << 20;

    /** The bytes read from {@code address} ({@code unreadable} bytes after them could not be read). */
    public record Read(long address, byte[] data, int unreadable) {}

    private MemoryAccess() {}

    /** The address a memory reference names. */
    public static long address(String reference) {
        if (reference == null) throw new Refusal("A memoryReference is needed");
        String hex = reference.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) hex = hex.substring(2);
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new Refusal("Not a memory reference: '" + reference + "'");
        }
    }

    public static Read read(Machine machine, String reference, long offset, int count) {
        long address = address(reference) + offset;
        count = Math.max(0, Math.min(count, MAX_READ));
        byte[] buffer = new byte[count];
        int readable = address < 0 || address >= (1L << 32) ? 0 : machine.readMemory(address, buffer, count);
        return new Read(address, Arrays.copyOf(buffer, readable), count - readable);
    }

    /** Writes the bytes and tells the debugger the state changed; returns how many were written. */
    public static int write(Debugger debugger, String reference, long offset, byte[] data, boolean allowPartial) {
        long address = address(reference) + offset;
        int written = address < 0 ? 0 : debugger.interpreter().machine().writeMemory(address, data, data.length);
        if (written < data.length && !allowPartial) {
            throw new Refusal("Only " + written + " of " + data.length + " bytes are writable at " + hex(address));
        }
        debugger.stateChanged();
        return written;
    }

    public static String hex(long address) {
        return String.format(Locale.ROOT, "0x%08X", address);
    }
}

package eyn.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.disk.HostFolder;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import eyn.machine.files.Mode;
import eyn.machine.memory.MemoryBudget;
import eyn.machine.memory.MemoryMeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host memory budget: exact accounting (shared chunks once), costs that bound what writes hold, refusals that change nothing. */
class MemoryBudgetTest {
    @TempDir
    Path dir;

    private final StringBuilder console = new StringBuilder();

    private Machine machine(long budget, TreeDrive drive) {
        Machine m = new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive)).withMemoryBudget(budget));
        m.setConsole((color, text) -> console.append(text));
        return m;
    }

    private static long measure(ChunkedBytes... all) {
        MemoryMeter meter = new MemoryMeter();
        for (ChunkedBytes b : all) b.measure(meter);
        return meter.total();
    }

    @Test
    void writeAndTransferCostsBoundWhatTheyReallyHold() {
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            byte[] data = new byte[r.nextInt(5 * ChunkedBytes.CHUNK)];
            r.nextBytes(data);
            ChunkedBytes src = ChunkedBytes.of(data);
            ChunkedBytes dst = ChunkedBytes.of(new byte[r.nextInt(3 * ChunkedBytes.CHUNK)]);
            if (r.nextBoolean()) dst.share(); // a snapshot holds it: every chunk must be copied before a change
            int srcPos = data.length == 0 ? 0 : r.nextInt(data.length);
            int len = data.length - srcPos;
            int dstPos = r.nextInt(dst.length() + 1);
            if (r.nextBoolean()) dstPos = srcPos % ChunkedBytes.CHUNK + ChunkedBytes.CHUNK * r.nextInt(3); // chunks line up
            long before = measure(src, dst);
            long cost = r.nextBoolean() ? dst.transferCost(src, srcPos, dstPos, len) : dst.writeCost(dstPos, len);
            boolean transfer = cost == dst.transferCost(src, srcPos, dstPos, len);
            if (transfer) dst.transferFrom(src, srcPos, dstPos, len);
            else dst.write(dstPos, data, srcPos, len);
            long grown = measure(src, dst) - before;
            assertTrue(grown <= cost, "round " + round + ": held " + grown + " more bytes, cost said " + cost);
        }
    }

    @Test
    void sharedChunksCountOnceAndOpeningALoadedFileCostsNothing() throws Exception {
        Files.write(dir.resolve("big.bin"), new byte[1 << 20]);
        Machine m = machine(64L << 20, TreeDrive.overFolder(new HostFolder(dir), false));
        long empty = m.measureRetained();
        m.zeroCopy().open("big.bin", "/big.bin", Mode.READ);
        long one = m.measureRetained();
        assertTrue(one - empty >= 1 << 20, "the file was read from the host: " + (one - empty));
        assertEquals(0, m.drive().readCost("/big.bin"), "in memory now");
        m.zeroCopy().open("big.bin", "/big.bin", Mode.READ);
        m.maps().map("/big.bin", true);
        long three = m.measureRetained();
        assertTrue(three - one < 64 * 1024, "an fd and a mapping share the drive's chunks: " + (three - one));
        assertEquals(three, m.budget().retainedBytes());
    }

    @Test
    void aRefusedGrowthPrintsTheMemoryLineAndChangesNothing() throws Exception {
        Files.write(dir.resolve("a.txt"), "0123456789".getBytes());
        Files.write(dir.resolve("b.txt"), new byte[0]);
        Machine m = machine(2L << 20, TreeDrive.overFolder(new HostFolder(dir), false));
        ZeroCopy z = m.zeroCopy();
        z.open("a.txt", "/a.txt", Mode.READ_WRITE);
        z.open("b.txt", "/b.txt", Mode.READ_WRITE);
        MachineError refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            try {
                z.seek(0, 0, Whence.SET);
                z.seek(1, 0, Whence.END);
                z.transfer(0, 1, Integer.MAX_VALUE, true);
                z.seek(1, 0, Whence.SET);
                z.seek(0, 0, Whence.END);
                z.transfer(1, 0, Integer.MAX_VALUE, true);
            } catch (MachineError e) {
                refused = e;
            }
        }
        assertTrue(refused != null, "the budget must refuse before 40 doublings");
        assertEquals(ZeroCopy.OUT_OF_MEMORY_EXTENSION, refused.getMessage());
        assertTrue(console.toString().contains("[MEMORY] Out of host memory (requested "), console.toString());
        assertTrue(console.toString().contains("budget: 2048 KB)"), console.toString());
        assertTrue(m.measureRetained() <= 2L << 20, "never past the budget: " + m.measureRetained());
        long digest = m.digest();
        long refusals = m.budget().refusals();
        assertThrows(MachineError.class, () -> z.transfer(0, 1, Integer.MAX_VALUE, true));
        assertThrows(MachineError.class, () -> z.transfer(1, 0, Integer.MAX_VALUE, true));
        assertTrue(m.budget().refusals() > refusals, "each refusal is counted");
        assertEquals(digest, m.digest(), "a refused command leaves the machine as it was");
    }

    @Test
    void aHostFileLargerThanTheBudgetIsNotRead() throws Exception {
        Files.write(dir.resolve("huge.bin"), new byte[3 << 20]);
        Machine m = machine(2L << 20, TreeDrive.overFolder(new HostFolder(dir), false));
        MachineError e = assertThrows(MachineError.class, () -> m.zeroCopy().open("huge.bin", "/huge.bin", Mode.READ));
        assertEquals("[ZERO-COPY] Error: Out of memory for zero-copy mapping", e.getMessage());
        assertTrue(console.toString().contains("[MEMORY] Out of host memory (requested 3145728 bytes"), console.toString());
        assertNull(m.fds().get(0), "no fd was installed");
        assertEquals(0, m.heap().allocations() - m.heap().frees(), "no handle left in the heap");
        assertTrue(m.measureRetained() < 1 << 20);
    }

    @Test
    void aCommandNeedingAWholeFileAsOneArrayAsksForItWhileItRuns() throws Exception {
        Files.write(dir.resolve("two.bin"), new byte[2 << 20]);
        Machine small = machine(5L << 20, TreeDrive.overFolder(new HostFolder(dir), false));
        var e = assertThrows(eyn.machine.disk.DriveException.class, () -> small.readWhole(small.drive(), "/two.bin"));
        assertEquals(eyn.machine.disk.DriveException.Kind.OUT_OF_MEMORY, e.kind());
        assertTrue(console.toString().contains("[MEMORY] Out of host memory (requested 4194304 bytes"), console.toString());
        Machine enough = machine(8L << 20, TreeDrive.overFolder(new HostFolder(dir), false));
        assertEquals(2 << 20, enough.readWhole(enough.drive(), "/two.bin").length);
        long after = enough.budget().retainedBytes();
        assertTrue(after < 3L << 20, "the array is not counted once the command is done: " + after);
    }

    @Test
    void othersReserveFromTheSameBudget() {
        Machine m = machine(4L << 20, TreeDrive.inMemory());
        MemoryBudget b = m.budget();
        assertFalse(b.tryReserve(4L << 20), "the machine's own state leaves less than the whole budget");
        assertTrue(b.tryReserve(1L << 20));
        assertEquals(1L << 20, b.reservedBytes());
        assertEquals(m.measureRetained() + (1L << 20), b.retainedBytes());
        assertFalse(b.fits(3L << 20), "what others hold counts against the machine");
        b.release(1L << 20);
        assertTrue(b.fits(3L << 20));
        assertEquals(0, b.reservedBytes());
    }

    @Test
    void aRestoredSnapshotIsMeasuredAgain() throws Exception {
        Files.write(dir.resolve("a.txt"), new byte[1 << 20]);
        Machine m = machine(3L << 20, TreeDrive.overFolder(new HostFolder(dir), false));
        Machine.Snapshot clean = m.snapshot();
        m.zeroCopy().open("a.txt", "/a.txt", Mode.READ_WRITE);
        m.zeroCopy().write(0, new byte[] {1});
        assertFalse(m.budget().fits(2L << 20), "1 MiB loaded: 2 MiB more does not fit in 3");
        m.restore(clean);
        assertTrue(m.budget().fits(2L << 20), "after the restore the file is no longer held by the machine");
    }

    @Test
    void sizesParseAsPeopleTypeThem() {
        assertEquals(512L << 20, MemoryBudget.parseSize("512M"));
        assertEquals(512L << 20, MemoryBudget.parseSize("512MiB"));
        assertEquals(1L << 30, MemoryBudget.parseSize("1g"));
        assertEquals(65536L << 10, MemoryBudget.parseSize("65536K"));
        assertEquals(3000000L, MemoryBudget.parseSize("3000000"));
        assertNull(MemoryBudget.parseSize("lots"));
        assertNull(MemoryBudget.parseSize("-1M"));
        assertNull(MemoryBudget.parseSize("99999999999999G"));
        assertThrows(IllegalArgumentException.class, () -> MachineConfig.defaults().withMemoryBudget(1000));
    }
}

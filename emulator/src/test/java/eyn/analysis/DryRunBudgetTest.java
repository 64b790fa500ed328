package eyn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.MachineConfig;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dry run stops at its wall-clock budget and when its thread is interrupted, keeping what it saw. */
class DryRunBudgetTest {
    private static final String SCRIPT = "zopen a.txt r\nloop 1000000\nzread 0 1\nzseek 0 0 set\nendloop\n";

    private static TreeDrive drive() throws Exception {
        TreeDrive drive = TreeDrive.inMemory();
        drive.write("/a.txt", ChunkedBytes.of("abc".getBytes(StandardCharsets.UTF_8)));
        return drive;
    }

    @Test
    void aRunOverItsTimeBudgetStopsAndKeepsItsFacts() throws Exception {
        DryRun run = DryRun.of("/t.eyn", SCRIPT, drive(), MachineConfig.DEFAULT_RAM, 0);
        assertEquals("time", run.stoppedBy);
        assertEquals(Set.of(0), run.fds.get(0), "the zopen before the stop was seen");
    }

    @Test
    void anInterruptedThreadCancelsTheRun() throws Exception {
        Thread.currentThread().interrupt();
        try {
            DryRun run = DryRun.of("/t.eyn", SCRIPT, drive(), MachineConfig.DEFAULT_RAM);
            assertEquals("cancelled", run.stoppedBy);
        } finally {
            assertTrue(Thread.interrupted(), "the flag is left for the caller");
        }
    }

    @Test
    void aShortScriptEndsWithinBothBudgets() throws Exception {
        DryRun run = DryRun.of("/t.eyn", "zopen a.txt r\nzclose 0\n", drive(), MachineConfig.DEFAULT_RAM);
        assertNull(run.stoppedBy);
    }

    @Test
    void aCallerCancelsTheRun() throws Exception {
        TreeDrive drive = drive();
        DryRun run = Cancel.when(() -> true, () -> DryRun.of("/t.eyn", SCRIPT, drive, MachineConfig.DEFAULT_RAM));
        assertEquals("cancelled", run.stoppedBy);
        assertNull(DryRun.of("/t.eyn", "zopen a.txt r\n", drive, MachineConfig.DEFAULT_RAM).stoppedBy, "the check ends with its work");
    }

    @Test
    void aRunHoldsNoMoreHostMemoryThanItsBudget(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws Exception {
        // five 15 MiB files: a dry run may load four of them (64 MiB), and the fifth zopen is refused as EYN-OS refuses it
        byte[] content = new byte[15 << 20];
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            java.nio.file.Files.write(root.resolve("f" + i + ".bin"), content);
            script.append("zopen f").append(i).append(".bin r\n");
        }
        TreeDrive folder = TreeDrive.overFolder(new eyn.machine.disk.HostFolder(root, 16 << 20), false);
        DryRun run = DryRun.of("/t.eyn", script.toString(), folder, MachineConfig.DEFAULT_RAM);
        assertEquals(64L << 20, Math.min(64L << 20, DryRun.MEMORY_BUDGET), "the budget under test");
        for (int line = 0; line < 4; line++) assertEquals(Set.of(line), run.fds.get(line), "zopen on line " + (line + 1));
        assertNull(run.fds.get(4), "the fifth file does not fit in the dry run's memory");
    }
}

package eyn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyn.machine.Fidelity;
import eyn.machine.MachineConfig;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DryRunFidelityTest {
    @Test
    void aFaithfulDryRunHandsOutFdsAsEynOsDoes() throws Exception {
        TreeDrive drive = TreeDrive.inMemory();
        drive.write("/a.txt", ChunkedBytes.of("hello".getBytes()));
        String script = "zopen a.txt r\nzclose 0\nzopen a.txt r\nmmap a.txt\n";
        DryRun fixed = DryRun.of("/s.eyn", script, drive, MachineConfig.DEFAULT_RAM, Fidelity.FIXED);
        DryRun faithful = DryRun.of("/s.eyn", script, drive, MachineConfig.DEFAULT_RAM, Fidelity.FAITHFUL);
        assertEquals(Set.of(0), fixed.fds.get(2), "fixed mode reuses fd 0");
        assertEquals(Set.of(1), faithful.fds.get(2), "EYN-OS never reuses an fd");
        assertEquals(1, fixed.addresses.get(3).size());
        assertEquals(null, faithful.addresses.get(3), "EYN-OS prints no address to learn");
    }
}

package eyn.server.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.disk.eynfs.EynfsDrive;
import eyn.machine.disk.eynfs.EynfsFormat;
import eyn.machine.disk.image.ImageFile;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An EYNFS image as a launch configuration's drive: the Drives scope shows its superblock and chains; persist writes it at the end. */
class DapImageDriveTest {
    @TempDir
    Path dir;

    @Test
    void drivesScopeShowsTheImageAndPersistWritesIt() throws Exception {
        Path image = dir.resolve("disk.img");
        EynfsDrive fresh = EynfsDrive.inMemory(EynfsFormat.format(4096), "disk.img", Integer.MAX_VALUE);
        fresh.write("/a.txt", ChunkedBytes.of("x".repeat(1200).getBytes(StandardCharsets.UTF_8)));
        ImageFile.create(image, fresh.fs().store());
        Path script = dir.resolve("s.eyn");
        Files.writeString(script, "drive 1\nmakedir made\ncopy /a.txt /made/b.txt\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(script, Map.of("stopOnEntry", true, "persist", true, "drives", Map.of("1", image.toString())));
            dap.awaitStop();
            Map<String, Variable> drive1 = dap.children(dap.scope("Drives").get("drive 1").getVariablesReference());
            assertTrue(drive1.containsKey("superblock"), drive1.keySet().toString());
            Map<String, Variable> sb = dap.children(drive1.get("superblock").getVariablesReference());
            assertEquals("0x45594E46", sb.get("magic").getValue());
            assertEquals("4096", sb.get("total_blocks").getValue());
            assertEquals("2051", sb.get("root_dir_block").getValue());
            assertEquals("1200 bytes, blocks 4-6", drive1.get("/a.txt").getValue());
            dap.continueRun();
            dap.terminated.get(10, TimeUnit.SECONDS);
        }
        EynfsDrive written = EynfsDrive.open(image, true, Integer.MAX_VALUE); // the lock was released
        try {
            assertEquals(1200, written.stat("/made/b.txt").size());
            assertEquals(java.util.List.of(), written.check());
        } finally {
            written.close();
        }
    }
}

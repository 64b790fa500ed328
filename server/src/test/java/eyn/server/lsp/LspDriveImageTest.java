package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import eyn.machine.disk.eynfs.EynfsDrive;
import eyn.machine.disk.eynfs.EynfsFormat;
import eyn.machine.disk.image.ImageFile;
import eyn.machine.files.ChunkedBytes;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driveImage setting: file checks (W118) look at the disk image, not at the script's folder. */
class LspDriveImageTest {
    @TempDir
    Path root;

    @Test
    void fileChecksUseTheImage() throws Exception {
        EynfsDrive fresh = EynfsDrive.inMemory(EynfsFormat.format(4096), "disk.img", Integer.MAX_VALUE);
        fresh.write("/on-image.txt", ChunkedBytes.of(new byte[] {'x'}));
        ImageFile.create(root.resolve("disk.img"), fresh.fs().store());
        java.nio.file.Files.writeString(root.resolve("on-host.txt"), "only in the folder");
        JsonObject options = new JsonObject();
        options.addProperty("driveImage", "disk.img"); // relative to the workspace folder
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(options);
            List<Diagnostic> d = lsp.open("s.eyn", "read on-image.txt\nread on-host.txt\n").getDiagnostics();
            List<String> w118 = d.stream().filter(x -> x.getCode().getLeft().equals("W118")).map(x -> x.getRange().getStart().getLine() + ": " + x.getMessage().getLeft()).toList();
            assertEquals(List.of("1: '/on-host.txt' does not exist on the workspace drive"), w118);
        }
    }
}

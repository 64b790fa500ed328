package eyn.server.cli;

import eyn.machine.disk.DiskImages;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveCopy;
import eyn.machine.disk.DriveException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code eyn export IMAGE FOLDER}: copies an image's files out into a host folder. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Copy the files and folders of a disk image into a host folder (created if missing).",
                "The image is only read. Files already in the folder with the same names are replaced.",
                "Exit status: 0 copied, 1 the image or a file could not be read or written, 2 usage error."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "the disk image")
    Path image;

    @Parameters(index = "1", paramLabel = "FOLDER", description = "where the files go")
    Path folder;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!Files.isRegularFile(image)) {
            err.println("eyn export: not an image file: " + image);
            return 2;
        }
        Drive from = null;
        try {
            Files.createDirectories(folder);
            from = DiskImages.open(image, false, Integer.MAX_VALUE);
            Drive to = DiskImages.open(folder, true, Integer.MAX_VALUE);
            DriveCopy.Counts c = DriveCopy.copyTree(from, to);
            System.out.println("Exported " + c.files() + " files and " + c.directories() + " folders (" + c.bytes() + " bytes) to " + folder);
            return 0;
        } catch (DriveException e) {
            err.println("eyn export: " + e.path() + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("eyn export: cannot create " + folder + ": " + e.getMessage());
            return 1;
        } finally {
            if (from != null) from.close();
        }
    }
}

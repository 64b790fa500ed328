package eyn.server.cli;

import eyn.machine.disk.DiskImages;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveCopy;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.eynfs.EynfsDrive;
import eyn.machine.disk.eynfs.EynfsFormat;
import eyn.machine.disk.image.BlockStore;
import eyn.machine.disk.image.ImageFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eyn mkfs IMAGE --size MIB [--from FOLDER]}: a fresh EYNFS image, optionally filled from a folder. */
@Command(name = "mkfs", mixinStandardHelpOptions = true,
        description = {"Make a fresh EYNFS disk image that EYN-OS boots with (QEMU -drive) and eyn run --drive N=IMAGE reads.",
                "The image is built in memory and written whole; an existing file is never replaced.",
                "Exit status: 0 made, 1 the folder does not fit or cannot be read, 2 usage error."})
public final class MkfsCommand implements Callable<Integer> {
    /** 1 MiB is the reserved area before the superblock; 2 MiB leaves room for the file system. */
    static final long MIN_MIB = 2;
    static final long MAX_MIB = 4095;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "the image file to create")
    Path image;

    @Option(names = "--size", paramLabel = "MIB", required = true, description = "image size in MiB (" + MIN_MIB + "-" + MAX_MIB + ")")
    long sizeMib;

    @Option(names = "--from", paramLabel = "FOLDER", description = "copy this folder's files and folders into the image")
    Path from;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (sizeMib < MIN_MIB || sizeMib > MAX_MIB) {
            err.println("eyn mkfs: --size must be between " + MIN_MIB + " and " + MAX_MIB + " MiB");
            return 2;
        }
        if (Files.exists(image)) {
            err.println("eyn mkfs: " + image + " exists already; remove it first");
            return 2;
        }
        if (from != null && !Files.isDirectory(from)) {
            err.println("eyn mkfs: --from: not a folder: " + from);
            return 2;
        }
        BlockStore store = EynfsFormat.format(sizeMib * 1024 * 1024 / BlockStore.BLOCK);
        DriveCopy.Counts counts = new DriveCopy.Counts(0, 0, 0);
        try {
            if (from != null) {
                EynfsDrive drive = EynfsDrive.inMemory(store, image.toString(), Integer.MAX_VALUE);
                Drive folder = DiskImages.open(from, false, Integer.MAX_VALUE);
                counts = DriveCopy.copyTree(folder, drive);
                store = drive.fs().store();
            }
            ImageFile.create(image, store);
        } catch (DriveException e) {
            err.println("eyn mkfs: " + e.path() + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("eyn mkfs: cannot write " + image + ": " + e.getMessage());
            return 1;
        }
        System.out.println("Made " + image + ": EYNFS, " + sizeMib + " MiB" + (from == null ? ""
                : ", " + counts.files() + " files and " + counts.directories() + " folders (" + counts.bytes() + " bytes) from " + from));
        return 0;
    }
}

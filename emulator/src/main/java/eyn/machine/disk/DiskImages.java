package eyn.machine.disk;

import eyn.machine.disk.eynfs.EynfsDrive;
import eyn.machine.disk.fat.FatDrive;
import eyn.machine.disk.eynfs.Layout;
import eyn.machine.disk.image.ImageFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a drive from what the user named: a folder, an EYNFS image, or a FAT32 image. */
public final class DiskImages {
    public enum Format { EYNFS, FAT32, UNKNOWN }

    private DiskImages() {}

    /**
     * A folder becomes a {@link TreeDrive} (before a run that persists, the temporary files an
     * interrupted earlier write left there are removed); a file is opened as the disk image it is.
     */
    public static Drive open(Path path, boolean persist, long maxFileBytes) throws DriveException {
        if (Files.isDirectory(path)) {
            try {
                HostFolder folder = new HostFolder(path, maxFileBytes);
                if (persist) folder.removeStaleTemporaryFiles();
                return TreeDrive.overFolder(folder, persist);
            } catch (IOException e) {
                throw new DriveException(DriveException.Kind.IO, "/", e.getMessage());
            }
        }
        if (sniff(path) == Format.FAT32) return FatDrive.open(path, persist, maxFileBytes);
        return EynfsDrive.open(path, persist, maxFileBytes); // its errors say what is wrong (no file, bad magic, ...)
    }

    /** What kind of image a file holds, from its first block and LBA 2048; UNKNOWN when unreadable. */
    public static Format sniff(Path file) {
        try (ImageFile image = ImageFile.open(file, false)) {
            byte[] block = new byte[ImageFile.BLOCK];
            if (image.blocks() > Layout.SUPERBLOCK_LBA) {
                image.read(Layout.SUPERBLOCK_LBA, block, 0);
                long magic = (block[0] & 0xFFL) | (block[1] & 0xFFL) << 8 | (block[2] & 0xFFL) << 16 | (block[3] & 0xFFL) << 24;
                if (magic == Layout.MAGIC) return Format.EYNFS;
            }
            image.read(0, block, 0);
            String type = new String(block, 82, 8, StandardCharsets.US_ASCII);
            if (type.equals("FAT32   ") && (block[510] & 0xFF) == 0x55 && (block[511] & 0xFF) == 0xAA) return Format.FAT32;
            return Format.UNKNOWN;
        } catch (IOException e) {
            return Format.UNKNOWN;
        }
    }
}

package eyn.machine.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.Footprint;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of an overlay drive taken before it read a host file or listed a host folder (the reverse
 * history's checkpoints) find what the live drive read, not the host again: a step back that replays
 * the read sees the same bytes, and holds no second copy of them.
 */
class OverlayCopiesTest {
    @TempDir
    Path root;

    private static String text(ChunkedBytes b) {
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }

    /** The bytes a footprint reports, shared objects once. */
    private static long footprint(Drive drive) {
        Map<Object, Long> shared = new IdentityHashMap<>();
        long[] own = {0};
        drive.footprint(new Footprint() {
            @Override
            public void shared(Object object, long bytes) {
                shared.put(object, bytes);
            }

            @Override
            public void own(long bytes) {
                own[0] += bytes;
            }
        });
        return own[0] + shared.values().stream().mapToLong(Long::longValue).sum();
    }

    /** An overlay of the folder with this file, listed but not yet read. */
    private TreeDrive overlayListing(String file, String text) throws Exception {
        Files.writeString(root.resolve(file), text);
        TreeDrive live = TreeDrive.overFolder(new HostFolder(root), false);
        live.stat("/" + file);
        return live;
    }

    @Test
    void aCopyFromBeforeAReadReadsWhatTheLiveDriveReadEvenAfterTheHostFileChanged() throws Exception {
        TreeDrive live = overlayListing("a.txt", "as the run read it");
        Drive before = live.copy();
        assertEquals("as the run read it", text(live.read("/a.txt")));
        Files.writeString(root.resolve("a.txt"), "changed on the host since");
        assertEquals("as the run read it", text(before.read("/a.txt")));
        assertEquals("as the run read it", text(before.copy().read("/a.txt")));
    }

    @Test
    void aCopyFromBeforeAListingListsWhatTheLiveDriveListed() throws Exception {
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/one.txt"), "1");
        TreeDrive live = TreeDrive.overFolder(new HostFolder(root), false);
        Drive before = live.copy();
        assertEquals(List.of("one.txt"), live.list("/sub").stream().map(Drive.Entry::name).toList());
        assertEquals("1", text(live.read("/sub/one.txt")));
        Files.writeString(root.resolve("sub/two.txt"), "2");
        Files.writeString(root.resolve("sub/one.txt"), "changed");
        assertEquals(List.of("one.txt"), before.list("/sub").stream().map(Drive.Entry::name).toList());
        assertEquals("1", text(before.read("/sub/one.txt")));
    }

    @Test
    void aCopyFromBeforeAReadIsChargedTheBytesReadSinceOnceWithTheLiveDrive() throws Exception {
        Files.write(root.resolve("big.bin"), new byte[1 << 20]);
        TreeDrive live = TreeDrive.overFolder(new HostFolder(root), false);
        live.stat("/big.bin");
        Drive before = live.copy();
        long unread = footprint(before);
        live.read("/big.bin");
        long read = footprint(before);
        assertTrue(read - unread >= 1 << 20, "the copy holds the bytes read: " + unread + " -> " + read);
        // the copy's read shares the live drive's chunks: nothing new to hold
        before.read("/big.bin");
        assertTrue(footprint(before) - read < 64 << 10, "a second read copied the file: " + read + " -> " + footprint(before));
    }

    @Test
    void writingTheFileInTheLiveDriveLeavesTheCopyWithWhatWasRead() throws Exception {
        TreeDrive live = overlayListing("a.txt", "first");
        Drive before = live.copy();
        ChunkedBytes content = live.read("/a.txt");
        content.write(0, "FIRST".getBytes(StandardCharsets.UTF_8), 0, 5);
        live.write("/a.txt", content);
        assertEquals("FIRST", text(live.read("/a.txt")));
        assertEquals("first", text(before.read("/a.txt")));
    }
}

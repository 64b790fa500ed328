package eyn.machine.disk.eynfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.disk.DriveException;
import eyn.machine.files.ChunkedBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged copies of the hand-built image (HandBuiltImageTest): each either refuses to mount with a
 * message naming the fault, or mounts read-only with a finding naming it. Nothing is ever written.
 */
class CorruptImageTest {
    private static final int ROOT = 2051 * 512 + 4;
    private static final int HELLO = ROOT;
    private static final int TWO = ROOT + 52;

    private static Arguments refused(String name, Consumer<ByteBuffer> damage, String message) {
        return Arguments.of(name, damage, true, message, null);
    }

    private static Arguments readOnly(String name, Consumer<ByteBuffer> damage, String finding, String unreadable) {
        return Arguments.of(name, damage, false, finding, unreadable);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                refused("wrong magic", img -> img.putInt(2048 * 512, 0x46534645), "magic is 0x46534645, expected 0x45594E46"),
                refused("other version", img -> img.putInt(2048 * 512 + 4, 12), "EYNFS version 12 is not supported"),
                refused("other block size", img -> img.putInt(2048 * 512 + 8, 1024), "block size 1024"),
                refused("root past the end", img -> img.putInt(2048 * 512 + 16, 99999), "root directory block 99999 is outside the image"),
                refused("free map past the end", img -> img.putInt(2048 * 512 + 20, 5000), "free map block 5000 is outside the image"),
                refused("absurd free map length", img -> img.putInt(2048 * 512 + 28, 1 << 30), "free map of 1073741824 blocks"),
                readOnly("chain that loops", img -> {
                    img.putInt(6 * 512, 5);
                    img.putInt(TWO + 36, 5000);
                }, "/two.bin: its chain loops back to block 5", "/two.bin"),
                readOnly("cross-linked blocks", img -> img.putInt(7 * 512 + 4 + 40, 5), "block 5 is also used by another file", null),
                readOnly("size past the chain", img -> img.putInt(HELLO + 36, 5000), "/hello.txt: size 5000 needs 10 blocks but the chain has 1", "/hello.txt"),
                readOnly("block past the end", img -> img.putInt(5 * 512, 70000), "/two.bin: block 70000 in its chain is outside the image", "/two.bin"),
                readOnly("chain past the size into another file", img -> img.putInt(8 * 512, 5), // d/e.txt's block points at two.bin's
                        "/d/e.txt: past its size, its chain runs into block 5", null),
                readOnly("chain into metadata", img -> img.putInt(5 * 512, 2048), "/two.bin: its chain runs into metadata block 2048", null),
                readOnly("used block marked free", img -> img.put(2049 * 512, (byte) 0xDF), "free map marks 1 block(s) in use as free (first: block 5)", null),
                readOnly("unknown entry type", img -> img.put(HELLO + 32, (byte) 7), "/hello.txt: unknown entry type 7", null),
                readOnly("directory chain into the root", img -> img.putInt(7 * 512, 2051), // found by EynfsImageFuzzTest
                        "/d: block 2051 is also used by another file or directory (cross-linked)", null),
                readOnly("directory loop", img -> { // d/x is a directory whose block is d's own
                    img.put(7 * 512 + 4 + 52, (byte) 'x');
                    img.put(7 * 512 + 4 + 52 + 32, (byte) 2);
                    img.putInt(7 * 512 + 4 + 52 + 40, 7);
                }, "/d/x: directory block 7 is already used elsewhere", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void damagedImagesAreRefusedOrReadOnly(String name, Consumer<ByteBuffer> damage, boolean refused, String message, String unreadable) throws Exception {
        byte[] image = HandBuiltImageTest.handBuilt();
        ByteBuffer buf = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        damage.accept(buf);
        byte[] before = image.clone();
        if (refused) {
            DriveException e = assertThrows(DriveException.class, () -> Images.mount(image));
            assertTrue(e.getMessage().contains(message), e.getMessage());
            return;
        }
        EynfsDrive drive = Images.mount(image);
        String found = drive.findings().toString();
        assertTrue(found.contains(message), found);
        assertTrue(drive.fs().hasErrors(), found);
        assertTrue(drive.describe().contains("read-only"));
        DriveException w = assertThrows(DriveException.class, () -> drive.write("/new.txt", ChunkedBytes.of(new byte[] {1})));
        assertTrue(w.getMessage().contains("read-only"), w.getMessage());
        assertThrows(DriveException.class, () -> drive.makeDirectory("/nd"));
        assertThrows(DriveException.class, () -> drive.deleteFile("/hello.txt"));
        assertEquals(0, drive.fs().store().changedBlocks());
        assertArrayEquals(before, image);
        if (unreadable != null) {
            DriveException r = assertThrows(DriveException.class, () -> drive.read(unreadable));
            assertTrue(r.getMessage().startsWith("corrupt file"), r.getMessage());
        }
        if (unreadable == null) Images.contents(drive); // every file still lists and reads
        else assertEquals(3, drive.list("/").size());
    }
}

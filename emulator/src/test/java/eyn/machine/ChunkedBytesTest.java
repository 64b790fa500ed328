package eyn.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.files.ChunkedBytes;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkedBytesTest {
    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aSharedViewKeepsItsBytesWhenTheOriginalChanges() {
        byte[] data = random(3 * ChunkedBytes.CHUNK + 100, 1);
        ChunkedBytes original = ChunkedBytes.of(data);
        ChunkedBytes view = original.share();
        original.write(10, new byte[] {1, 2, 3}, 0, 3);
        original.setLength(5);
        assertArrayEquals(data, view.toByteArray());
        assertEquals(5, original.length());
        view.write(0, new byte[] {9}, 0, 1);
        assertEquals(1, original.get(0) == 9 ? 0 : 1, "a write to the view must not reach the original");
    }

    @Test
    void writingPastTheEndGrowsWithZeros() {
        ChunkedBytes b = ChunkedBytes.of(new byte[] {1, 2});
        b.write(ChunkedBytes.CHUNK + 5, new byte[] {7}, 0, 1);
        assertEquals(ChunkedBytes.CHUNK + 6, b.length());
        assertEquals(0, b.get(100));
        assertEquals(7, b.get(ChunkedBytes.CHUNK + 5));
    }

    @Test
    void shrinkingThenGrowingReadsZerosNotOldBytes() {
        ChunkedBytes b = ChunkedBytes.of(random(100, 2));
        b.setLength(10);
        b.setLength(100);
        for (int i = 10; i < 100; i++) assertEquals(0, b.get(i));
    }

    @Test
    void alignedTransferMovesChunkReferencesAndStaysIndependent() {
        byte[] data = random(8 * ChunkedBytes.CHUNK, 3);
        ChunkedBytes src = ChunkedBytes.of(data);
        ChunkedBytes dst = ChunkedBytes.of(new byte[ChunkedBytes.CHUNK]);
        dst.transferFrom(src, ChunkedBytes.CHUNK, ChunkedBytes.CHUNK, 6 * ChunkedBytes.CHUNK);
        assertEquals(7 * ChunkedBytes.CHUNK, dst.length());
        byte[] out = dst.read(ChunkedBytes.CHUNK, 6 * ChunkedBytes.CHUNK);
        byte[] expected = java.util.Arrays.copyOfRange(data, ChunkedBytes.CHUNK, 7 * ChunkedBytes.CHUNK);
        assertArrayEquals(expected, out);
        src.write(ChunkedBytes.CHUNK * 2, new byte[] {42}, 0, 1);
        dst.write(ChunkedBytes.CHUNK * 3, new byte[] {43}, 0, 1);
        assertEquals(expected[ChunkedBytes.CHUNK], dst.get(2 * ChunkedBytes.CHUNK), "source write leaked into the copy");
        assertEquals(data[3 * ChunkedBytes.CHUNK], src.get(3 * ChunkedBytes.CHUNK), "copy write leaked into the source");
    }

    @Test
    void unalignedTransferCopiesTheRightBytes() {
        byte[] data = random(3 * ChunkedBytes.CHUNK, 4);
        ChunkedBytes src = ChunkedBytes.of(data);
        ChunkedBytes dst = ChunkedBytes.empty();
        dst.transferFrom(src, 7, 3, 2 * ChunkedBytes.CHUNK);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 7, 7 + 2 * ChunkedBytes.CHUNK), dst.read(3, 2 * ChunkedBytes.CHUNK));
    }

    @Test
    void readingOutsideTheBytesIsRefused() {
        ChunkedBytes b = ChunkedBytes.of(new byte[10]);
        assertThrows(IndexOutOfBoundsException.class, () -> b.read(5, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> b.get(-1));
    }

    @Test
    void equalContentsHaveEqualDigests() {
        byte[] data = random(5000, 5);
        assertEquals(ChunkedBytes.of(data).digest(), ChunkedBytes.of(data.clone()).digest());
        assertTrue(ChunkedBytes.of(data).contentEquals(ChunkedBytes.of(data).share()));
    }
}

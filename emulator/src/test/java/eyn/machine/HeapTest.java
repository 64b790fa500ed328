package eyn.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.memory.Heap;
import org.junit.jupiter.api.Test;

class HeapTest {
    @Test
    void heapSizesFollowTheRamTiers() {
        long mib = 1024 * 1024;
        assertEquals(256 * 1024, Heap.sizeForRam(4 * mib));
        assertEquals(512 * 1024, Heap.sizeForRam(16 * mib));
        assertEquals(2 * mib, Heap.sizeForRam(64 * mib));
        assertEquals(8 * mib, Heap.sizeForRam(128 * mib));
        assertEquals(32 * mib, Heap.sizeForRam(512 * mib));
        assertEquals(256 * 1024, Heap.sizeForRam(1 * mib), "capped at RAM/4");
    }

    @Test
    void blocksStartAfterTheirTwelveByteHeaderAtTheHeapBase() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocate(10);
        assertEquals(Heap.BASE + Heap.HEADER, a);
        int b = heap.allocate(1);
        assertEquals(a + 12 + Heap.HEADER, b, "sizes are rounded up to 4");
        assertEquals(2, heap.blockCount());
        assertTrue(heap.blocks().stream().allMatch(x -> x.magicOk() && x.checksumOk()));
    }

    @Test
    void freedNeighboursCoalesceSoABigBlockFitsAgain() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocate(16 * 1024);
        int b = heap.allocate(16 * 1024);
        int c = heap.allocate(16 * 1024);
        assertTrue(a != 0 && b != 0 && c != 0);
        heap.free(a);
        heap.free(b);
        assertEquals(a, heap.allocate(32 * 1024));
    }

    @Test
    void zeroOversizeAndExhaustionAreTold() {
        Heap heap = new Heap(64 * 1024);
        assertEquals(0, heap.allocate(0));
        assertEquals(Heap.Failure.ZERO, heap.lastFailure());
        assertEquals(0, heap.allocate(heap.maxAllocation() + 1));
        assertEquals(Heap.Failure.TOO_LARGE, heap.lastFailure());
        assertTrue(heap.allocate(heap.maxAllocation()) != 0);
        assertEquals(0, heap.allocate(heap.maxAllocation()));
        assertEquals(Heap.Failure.OUT_OF_MEMORY, heap.lastFailure());
    }

    @Test
    void badFreesAndOverwrittenHeadersAreCounted() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocate(8);
        assertFalse(heap.free(a + 4));
        assertEquals(1, heap.errors());
        heap.write(a - 4, new byte[] {1, 2, 3, 4}, 0, 4);
        assertEquals(1, heap.corruptedBlocks());
        assertTrue(heap.free(a));
        assertFalse(heap.free(a), "double free");
        assertEquals(3, heap.errors());
    }
}

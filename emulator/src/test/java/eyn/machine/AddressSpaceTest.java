package eyn.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eyn.machine.disk.Drive;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import eyn.machine.files.Mode;
import eyn.machine.files.OpenFile;
import eyn.machine.memory.Heap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a debugger's memory view sees: heap headers, fd and mapping bytes, and gaps. */
class AddressSpaceTest {
    private static Machine machine() throws Exception {
        Drive drive = TreeDrive.inMemory();
        drive.write("/f.txt", ChunkedBytes.of("file bytes".getBytes(StandardCharsets.UTF_8)));
        return new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive)));
    }

    @Test
    void aMappingShowsTheFileBytesAtItsAddress() throws Exception {
        Machine m = machine();
        Mapping map = m.maps().map("/f.txt", false);
        byte[] buf = new byte[10];
        assertEquals(10, m.readMemory(map.address, buf, 10));
        assertEquals("file bytes", new String(buf, StandardCharsets.UTF_8));
        assertEquals(10, m.readMemory(map.address, new byte[64], 64), "reading stops at the end of the file");
        assertEquals(0, m.readMemory(map.address + 100, new byte[4], 4), "past the file, the rest of its page is unmapped");
    }

    @Test
    void editedMappingBytesReachTheFileOnMsync() throws Exception {
        Machine m = machine();
        Mapping map = m.maps().map("/f.txt", false);
        assertEquals(4, m.writeMemory(map.address, "FILE".getBytes(StandardCharsets.UTF_8), 4));
        assertEquals("file bytes", new String(m.drive().read("/f.txt").toByteArray(), StandardCharsets.UTF_8));
        m.maps().sync(map);
        assertEquals("FILE bytes", new String(m.drive().read("/f.txt").toByteArray(), StandardCharsets.UTF_8));
        Mapping readOnly = m.maps().map("/f.txt", true);
        assertEquals(0, m.writeMemory(readOnly.address, new byte[] {1}, 1), "read-only mappings refuse writes");
    }

    @Test
    void heapBlocksShowTheirHeaderAndTheBufferTheCommandFilled() throws Exception {
        Machine m = machine();
        OpenFile f = m.zeroCopy().open("f.txt", "/f.txt", Mode.READ);
        byte[] header = new byte[Heap.HEADER];
        assertEquals(Heap.HEADER, m.readMemory(f.handleAddress - Heap.HEADER, header, Heap.HEADER));
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(Heap.MAGIC_USED, b.getInt());
        assertEquals(Machine.FD_HANDLE_SIZE, b.getInt());
        byte[] data = m.zeroCopy().read(0, 4);
        assertArrayEquals("file".getBytes(StandardCharsets.UTF_8), data);
        byte[] fdWindow = new byte[4];
        assertEquals(4, m.readMemory(f.window, fdWindow, 4));
        assertArrayEquals(data, fdWindow);
    }

    @Test
    void nothingIsMappedBelowTheHeap() throws Exception {
        assertEquals(0, machine().readMemory(0x1000, new byte[16], 16));
    }
}

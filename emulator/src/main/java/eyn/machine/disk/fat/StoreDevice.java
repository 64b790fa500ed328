package eyn.machine.disk.fat;

import de.waldheinz.fs.BlockDevice;
import eyn.machine.disk.image.BlockStore;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * fat32-lib's view of a disk: our copy-on-write {@link BlockStore}, so FAT32 images get the same
 * overlay, atomic commit and writer lock as EYNFS ones. Byte ranges are split into 512-byte blocks
 * (read, patched, put back whole).
 */
final class StoreDevice implements BlockDevice {
    private final BlockStore store;
    private boolean closed;

    StoreDevice(BlockStore store) {
        this.store = store;
    }

    @Override
    public long getSize() {
        return store.blocks() * BlockStore.BLOCK;
    }

    @Override
    public void read(long devOffset, ByteBuffer dest) throws IOException {
        checkRange(devOffset, dest.remaining());
        byte[] block = new byte[BlockStore.BLOCK];
        long pos = devOffset;
        while (dest.hasRemaining()) {
            store.read(pos / BlockStore.BLOCK, block, 0);
            int in = (int) (pos % BlockStore.BLOCK);
            int n = Math.min(dest.remaining(), BlockStore.BLOCK - in);
            dest.put(block, in, n);
            pos += n;
        }
    }

    @Override
    public void write(long devOffset, ByteBuffer src) throws IOException {
        checkRange(devOffset, src.remaining());
        long pos = devOffset;
        while (src.hasRemaining()) {
            long b = pos / BlockStore.BLOCK;
            int in = (int) (pos % BlockStore.BLOCK);
            int n = Math.min(src.remaining(), BlockStore.BLOCK - in);
            byte[] block = n == BlockStore.BLOCK ? new byte[BlockStore.BLOCK] : store.read(b);
            src.get(block, in, n);
            store.put(b, block);
            pos += n;
        }
    }

    private void checkRange(long offset, int length) throws IOException {
        if (offset < 0 || offset + length > getSize()) throw new IOException("outside the image: " + offset + "+" + length);
    }

    @Override
    public void flush() {
        // the store is memory; the image file is written by ImageFile.commit
    }

    @Override
    public int getSectorSize() {
        return BlockStore.BLOCK;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

}

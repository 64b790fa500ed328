package eyn.bench;

import eyn.machine.disk.DriveException;
import eyn.machine.disk.eynfs.EynfsDrive;
import eyn.machine.disk.eynfs.EynfsFormat;
import eyn.machine.disk.image.ImageFile;
import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (e) EYNFS images on the host (files under target/eynfs-bench, so in the page cache like any
 * recently used image). {@code hostCopy} is the baseline: 64 MiB read from one host file and written
 * to another through FileChannel, 1 MiB at a time; {@code hostCopyForced} the same, then forced to
 * disk. {@code readFile} reads a 64 MiB file from a mounted image into the drive's contents (chain
 * walk, 132,105 blocks). {@code writeFile} rewrites it on the image (free the old chain, allocate
 * and fill a new one, in the overlay). {@code writeAndCommit} also commits the image to the host
 * the way {@code --persist} does: a new 72 MiB image file beside the old one, forced, renamed over it.
 * {@code mount10k} opens and mounts (runs the full check of) an image holding 10,000 files in 40
 * directories.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EynfsBench {
    static final int SIZE = 64 * BenchSupport.MIB;
    static final long IMAGE_BLOCKS = 72L * 2048; // 72 MiB
    static final int FILES = 10_000;
    static final int DIRS = 40;

    private Path dir;
    private Path src;
    private Path dst;
    private Path image;
    private Path manyFiles;
    private EynfsDrive drive;
    private ChunkedBytes content;

    @Setup(Level.Trial)
    public void setup() throws IOException, DriveException {
        dir = Files.createDirectories(Path.of("target", "eynfs-bench"));
        content = BenchSupport.patterned(SIZE, 5);
        src = dir.resolve("src.bin");
        dst = dir.resolve("dst.bin");
        try (FileChannel out = FileChannel.open(src, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(content.toByteArray()));
        }
        image = fresh("big.img", IMAGE_BLOCKS, d -> d.write("/big.bin", content));
        manyFiles = fresh("many.img", 16L * 2048, d -> {
            for (int k = 0; k < DIRS; k++) {
                d.makeDirectory("/d" + k);
                for (int i = 0; i < FILES / DIRS; i++) d.write("/d" + k + "/file" + i + ".txt", ChunkedBytes.of(("file " + i).getBytes()));
            }
        });
        drive = EynfsDrive.open(image, true, Integer.MAX_VALUE);
        if (drive.read("/big.bin").length() != SIZE) throw new IllegalStateException("wrong size");
    }

    private interface Fill {
        void into(EynfsDrive d) throws DriveException;
    }

    private Path fresh(String name, long blocks, Fill fill) throws IOException, DriveException {
        Path p = dir.resolve(name);
        Files.deleteIfExists(p);
        EynfsDrive d = EynfsDrive.inMemory(EynfsFormat.format(blocks), name, Integer.MAX_VALUE);
        fill.into(d);
        ImageFile.create(p, d.fs().store());
        return p;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        drive.close();
    }

    @Benchmark
    public long hostCopy() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(BenchSupport.MIB);
        long total = 0;
        try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(dst, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (in.read(buf) > 0) {
                buf.flip();
                while (buf.hasRemaining()) total += out.write(buf);
                buf.clear();
            }
        }
        return total;
    }

    @Benchmark
    public long hostCopyForced() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(BenchSupport.MIB);
        long total = 0;
        try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(dst, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (in.read(buf) > 0) {
                buf.flip();
                while (buf.hasRemaining()) total += out.write(buf);
                buf.clear();
            }
            out.force(true);
        }
        return total;
    }

    @Benchmark
    public int readFile() throws DriveException {
        return drive.read("/big.bin").length();
    }

    @Benchmark
    public long writeFile() throws DriveException {
        drive.write("/big.bin", content);
        return drive.fs().freeBlocks();
    }

    @Benchmark
    public long writeAndCommit() throws DriveException {
        drive.write("/big.bin", content);
        drive.flush();
        return drive.fs().freeBlocks();
    }

    @Benchmark
    public int mount10k() throws DriveException {
        EynfsDrive d = EynfsDrive.open(manyFiles, false, Integer.MAX_VALUE);
        int n = d.list("/").size();
        d.close();
        return n;
    }

}

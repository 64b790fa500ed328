package eyn.commands.y2026;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.commands.Invocation;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.files.ChunkedBytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits too large for the case files: list's 256 entries, jsonparse's 512 KiB, strtoul's bases. */
class ProgramLimitsTest {
    private static String run(Machine m, String name, String... argv) {
        Programs2026Test.Recorder rec = new Programs2026Test.Recorder();
        m.setConsole(rec);
        Invocation call = new Invocation(Commands2026.INSTANCE.spec(name), null, m, rec, List.of(argv), "");
        Commands2026.INSTANCE.behaviour(name).run(call);
        return rec.out.toString();
    }

    @Test
    void listReadsAtMost256EntriesAndLsHasNoCap() throws Exception {
        Machine m = new Machine(MachineConfig.defaults());
        for (int i = 0; i < 300; i++) m.drive().write(String.format("/f%03d", i), ChunkedBytes.empty());
        String list = run(m, "list");
        assertEquals(256, list.lines().count());
        assertTrue(list.endsWith("  f255\n"), list.substring(list.length() - 20));
        assertEquals(300, run(m, "ls").lines().count());
    }

    @Test
    void jsonparseRefusesMoreThan512KiB() throws Exception {
        Machine m = new Machine(MachineConfig.defaults());
        byte[] big = new byte[JsonParse.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '1';
        m.drive().write("/big.json", ChunkedBytes.of(big));
        assertEquals("jsonparse: input too large (max 524288 bytes): big.json\n", run(m, "jsonparse", "big.json"));
        m.drive().write("/ok.json", ChunkedBytes.of(java.util.Arrays.copyOf(big, JsonParse.MAX_BYTES)));
        assertEquals("jsonparse: valid JSON\n", run(m, "jsonparse", "--check", "ok.json"));
    }

    @Test
    void strtoulWithBaseZeroReadsHexOctalAndDecimal() {
        assertEquals(0x1F, Programs2026.strtoul0("0x1f"));
        assertEquals(0x1F, Programs2026.strtoul0("0X1Fzz"));
        assertEquals(8, Programs2026.strtoul0("010"));
        assertEquals(0, Programs2026.strtoul0("09"));
        assertEquals(12, Programs2026.strtoul0("12abc"));
        assertEquals(0, Programs2026.strtoul0("-5"));
        assertEquals(0, Programs2026.strtoul0("0x"));
        assertEquals(0xFFFFFFFFL, Programs2026.strtoul0("99999999999"));
        assertEquals(null, Programs2026.unsigned("-1"));
        assertEquals(0xFFFFFFFFL, Programs2026.unsigned("123456789012345678901234"));
    }
}

package eyn.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lines typed at the prompt, as the conformance replay types them. */
class TypedLineTest {
    @Test
    void typedLinesJoinTheHistoryExpandNothingAndRunScripts() throws Exception {
        TreeDrive drive = TreeDrive.inMemory();
        drive.write("/s.eyn", ChunkedBytes.of("set X=1\necho in script $X\n".getBytes()));
        Machine m = new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive)));
        StringBuilder out = new StringBuilder();
        Interpreter in = new Interpreter(m, (color, text, where) -> out.append(text), Options.defaults());
        in.typed("echo   $HOME");
        in.typed("echo   $HOME");
        in.typed("run s.eyn");
        assertTrue(in.typed("nope"));
        assertEquals("$HOME\n$HOME\nin script 1\nCommand not found: nope\n", out.toString());
        assertEquals(List.of("echo   $HOME", "run s.eyn", "nope"), m.history());
    }
}

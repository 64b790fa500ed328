package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import eyn.machine.Fidelity;
import org.junit.jupiter.api.Test;

class SettingsFidelityTest {
    @Test
    void eynFidelityChoosesTheDryRunsMachine() {
        Settings s = Settings.defaults();
        assertEquals(Fidelity.FIXED, s.analysis().fidelity());
        s = s.merge(JsonParser.parseString("{\"eyn\": {\"fidelity\": \"faithful\"}}"));
        assertEquals(Fidelity.FAITHFUL, s.analysis().fidelity());
        s = s.merge(JsonParser.parseString("{\"eyn.fidelity\": \"nonsense\"}"));
        assertEquals(Fidelity.FAITHFUL, s.analysis().fidelity(), "an unknown word keeps the current value");
        s = s.merge(JsonParser.parseString("{\"fidelity\": \"fixed\"}"));
        assertEquals(Fidelity.FIXED, s.analysis().fidelity());
    }
}

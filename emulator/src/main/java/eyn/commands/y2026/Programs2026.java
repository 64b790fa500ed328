package eyn.commands.y2026;

import eyn.commands.Command;
import eyn.commands.Invocation;
import java.util.HashMap;
import java.util.Map;

/**
 * The behaviours of the 2026 programs, by name: every one of the 110 programs has one. Programs
 * print uncoloured, as on the OS (reference 3.2); those that cannot run in the emulator (GUI,
 * network, games, hardware and crash tools) print one line saying so ({@link Unavailable}).
 */
final class Programs2026 {
    private Programs2026() {}

    static Map<String, Command> behaviours() {
        Map<String, Command> m = new HashMap<>();
        FilePrograms.register(m);
        TextPrograms.register(m);
        SystemPrograms.register(m);
        MemoryPrograms.register(m);
        Unavailable.register(m);
        return Map.copyOf(m);
    }

    /** True when the first word is {@code -h}: the program prints its usage and succeeds. */
    static boolean help(Invocation call) {
        if (!"-h".equals(call.arg(0))) return false;
        for (String u : call.spec.usageLines()) call.out().plain(u);
        return true;
    }

    /** Userland strtoul on a whole word: decimal digits only, no sign (null otherwise); saturates at 0xFFFFFFFF. */
    static Long unsigned(String s) {
        if (s == null || s.isEmpty()) return null;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return null;
            v = Math.min(v * 10 + (c - '0'), 0xFFFFFFFFL);
        }
        return v;
    }

    /**
     * strtoul(s, NULL, 0) as userland has it: {@code 0x} hex, a leading {@code 0} octal, else
     * decimal; it reads the leading valid digits and gives 0 for garbage or a sign; saturates at 0xFFFFFFFF.
     */
    static long strtoul0(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        int base = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            if (i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
                base = 16;
                i += 2;
            } else {
                return 0;
            }
        } else if (s.startsWith("0", i)) {
            base = 8;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), base);
            if (d < 0) break;
            v = Math.min(v * base + d, 0xFFFFFFFFL);
        }
        return v;
    }
}

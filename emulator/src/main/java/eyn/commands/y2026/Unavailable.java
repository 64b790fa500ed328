package eyn.commands.y2026;

import eyn.commands.Command;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The programs the emulator cannot run. Each prints one line, {@code NAME: not available in the
 * emulator (KIND)}, and fails. The text lives here and only here.
 */
final class Unavailable {
    private Unavailable() {}

    /** Why a program cannot run, as it appears in the line. */
    static final Map<String, List<String>> BY_KIND = kinds();

    private static Map<String, List<String>> kinds() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("GUI program", List.of("help", "clearbg", "draw", "kstats", "kwin_test", "rect", "setbg", "setfont", "stats", "theme", "title",
                "view", "win_test", "edit", "files", "fontpreview", "gui_demo", "notify", "settings", "tiling", "view_backend_bmp",
                "view_backend_builtin", "view_backend_rei", "view_backend_reis", "view_backend_reiv", "xeyes", "xeyes_local", "installer"));
        k.put("network program", List.of("e1000", "e1000probe", "netcfg", "netstat", "ping", "download", "ssh", "install"));
        k.put("game", List.of("breakout", "snake", "tetris", "zsnes_1_51"));
        k.put("hardware tool", List.of("fatfix", "lsata", "pciscan", "diskmgr", "drivelabel", "setinstalldrive", "fdisk", "format",
                "serialtest", "pagingguards", "portable"));
        k.put("development tool", List.of("assertfail", "crashlog", "panic", "pf", "ring3", "validate", "ldso", "ldso_debug", "ptyspawn",
                "toybox"));
        k.put("archive tool", List.of("extract"));
        k.put("output not documented", List.of("hello", "hello_c", "eynfetch", "spam"));
        return k;
    }

    static String line(String name, String kind) {
        return name + ": not available in the emulator (" + kind + ")";
    }

    static void register(Map<String, Command> commands) {
        for (Map.Entry<String, List<String>> e : BY_KIND.entrySet()) {
            String kind = e.getKey();
            for (String name : e.getValue()) commands.put(name, call -> call.failWith(line(name, kind)));
        }
    }
}

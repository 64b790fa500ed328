package eyn.analysis;

import eyn.language.LineKind;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.language.ScriptLine;
import eyn.machine.disk.FsPath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** Which scripts a script runs (constant {@code run} lines), for cycle detection and their effects. */
final class RunGraph {
    static final int MAX_SCRIPTS = 200;

    /** What a nested script may change that the caller sees: fds, mappings, the directory, files. */
    record Effects(boolean fds, boolean mappings, boolean directory, boolean files) {}

    private RunGraph() {}

    static Effects effects(Workspace ws, String path) {
        String text = ws.read(path);
        if (text == null) return new Effects(true, true, true, true);
        boolean fds = false;
        boolean maps = false;
        boolean dir = false;
        boolean files = false;
        for (ScriptLine line : Parser.parse(path, text).lines()) {
            if (line.kind() != LineKind.COMMAND) continue;
            switch (line.name()) {
                case "zopen", "zclose", "run" -> {
                    fds = true;
                    if (line.name().equals("run")) {
                        maps = true;
                        dir = true;
                        files = true;
                    }
                }
                case "mmap", "munmap", "predict" -> maps = true;
                case "cd", "drive" -> dir = true;
                case "copy", "move", "del", "makedir", "deldir" -> files = true;
                default -> { }
            }
        }
        return new Effects(fds, maps, dir, files);
    }

    /** A script reachable from {@code from} that runs itself again, or null when there is no cycle. */
    static String cycle(Workspace ws, String from) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(from);
        while (!todo.isEmpty() && seen.size() < MAX_SCRIPTS) {
            String path = todo.pop();
            if (!seen.add(path)) continue;
            for (String next : targets(ws, path)) {
                if (reaches(ws, next, path)) return path;
                todo.push(next);
            }
        }
        return null;
    }

    private static java.util.List<String> targets(Workspace ws, String path) {
        java.util.List<String> out = new java.util.ArrayList<>();
        String text = ws.read(path);
        if (text == null) return out;
        for (ScriptLine line : Parser.parse(path, text).lines()) {
            if (line.kind() == LineKind.COMMAND && line.name().equals("run") && line.words().size() > 1) {
                String arg = line.words().get(1).text();
                if (!arg.contains("$")) out.add(FsPath.resolve("/", arg));
            }
        }
        return out;
    }

    /** True when running {@code from} can lead to running {@code target} (paths resolved from '/'). */
    static boolean reaches(Workspace ws, String from, String target) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(from);
        while (!todo.isEmpty() && seen.size() < MAX_SCRIPTS) {
            String path = todo.pop();
            if (path.equals(target)) return true;
            if (!seen.add(path)) continue;
            for (String next : targets(ws, path)) todo.push(next);
        }
        return false;
    }
}

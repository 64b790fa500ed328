package eyn.machine.disk;

import java.util.ArrayList;
import java.util.List;

/**
 * Path resolution on an emulated drive. Both absolute and relative paths are normalised ('.' is
 * dropped, '..' pops one level and never leaves the root), unlike EYN-OS, which takes absolute
 * paths literally. Paths never carry a drive prefix. Results are absolute, without a trailing slash.
 */
public final class FsPath {
    public static final int MAX_PATH = 127;
    public static final int MAX_NAME = 31;

    private FsPath() {}

    public static String resolve(String cwd, String input) {
        String joined = input.startsWith("/") ? input : cwd + "/" + input;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!parts.isEmpty()) parts.remove(parts.size() - 1);
                continue;
            }
            parts.add(part);
        }
        return parts.isEmpty() ? "/" : "/" + String.join("/", parts);
    }

    public static List<String> components(String absolute) {
        List<String> parts = new ArrayList<>();
        for (String part : absolute.split("/")) {
            if (!part.isEmpty()) parts.add(part);
        }
        return parts;
    }

    public static String parent(String absolute) {
        int slash = absolute.lastIndexOf('/');
        return slash <= 0 ? "/" : absolute.substring(0, slash);
    }

    public static String name(String absolute) {
        return absolute.substring(absolute.lastIndexOf('/') + 1);
    }

    public static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /** Why a name cannot be created on EYNFS, or null when it can. */
    public static String invalidName(String name) {
        if (name.isEmpty()) return "empty name";
        if (name.length() > MAX_NAME) return "name longer than " + MAX_NAME + " characters";
        if (name.indexOf('\0') >= 0) return "NUL byte in name";
        return null;
    }
}

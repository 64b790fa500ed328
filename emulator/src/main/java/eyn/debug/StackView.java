package eyn.debug;

import eyn.interpreter.Interpreter;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack as a client lists it: {@link Debugger#stack()}'s frames with ids (1-based, the
 * outermost script is 1). A frame the failed command ended comes first, with an id past the live
 * frames; its scopes show the machine as it is now.
 */
public final class StackView {
    /** A frame with its id; {@code line} is 0-based. */
    public record Frame(int id, String name, String path, int line) {}

    private StackView() {}

    public static List<Frame> of(Debugger debugger) {
        int size = debugger.interpreter().frames().size();
        List<Debugger.ShownFrame> shown = debugger.stack();
        List<Frame> frames = new ArrayList<>();
        for (Debugger.ShownFrame f : shown) {
            int id = frames.isEmpty() && shown.size() > size ? size + 1 : f.index() + 1;
            frames.add(new Frame(id, f.name(), f.path(), f.line()));
        }
        return frames;
    }

    /** The interpreter frame whose variables a frame id shows. */
    static int frameIndex(Interpreter in, int id) {
        int size = in.frames().size();
        if (id < 1 || id > size + 1) throw new Refusal("No frame " + id);
        return Math.min(id - 1, size - 1);
    }

    /** A page of a list, as clients ask for stack frames and variables: from {@code start}, at most {@code count} (0: all). */
    public static <T> List<T> page(List<T> all, Integer start, Integer count) {
        int from = start == null ? 0 : Math.max(0, start);
        int n = count == null || count <= 0 ? all.size() : count;
        return all.subList(Math.min(from, all.size()), Math.min(all.size(), from + n));
    }
}

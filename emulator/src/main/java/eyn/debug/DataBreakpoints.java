package eyn.debug;

import java.util.ArrayList;
import java.util.List;

/**
 * Data breakpoints as a client asks for them: what a variable or an address range would watch
 * ({@link Info}), and the {@link Debugger.Watch}es a list of data ids sets, each verified or refused.
 */
public final class DataBreakpoints {
    /** What a client says when nothing can be watched there. */
    public static final String WATCHABLE = "Data breakpoints watch an fd's offset, size or being open, a mapping, "
            + "the hit rate, or a memory range";

    /** What a data breakpoint there would watch: {@code dataId} is null when nothing can be watched. */
    public record Info(String dataId, String description, List<WatchTarget.Access> accesses) {}

    /** A data breakpoint as asked for; a null access means a change of the value. */
    public record Request(String dataId, WatchTarget.Access access) {}

    /** The watches set, and per request the reason it was refused (null when verified). */
    public record Result(List<Debugger.Watch> watches, List<String> problems) {}

    private DataBreakpoints() {}

    /** The range of {@code bytes} bytes (1-65536, 1 when not given) from the address a reference names. */
    public static WatchTarget atAddress(String reference, Integer bytes) {
        int n = bytes == null ? 1 : Math.max(1, Math.min(65536, bytes));
        long address = MemoryAccess.address(reference);
        try {
            return new WatchTarget.MemoryRange(address, n);
        } catch (IllegalArgumentException e) {
            throw new Refusal("Not an address of the emulated machine: '" + reference + "'");
        }
    }

    public static Info info(WatchTarget target) {
        return target == null ? new Info(null, WATCHABLE, List.of()) : new Info(target.id(), target.description(), target.accesses());
    }

    public static Result of(List<Request> requests) {
        List<Debugger.Watch> watches = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Request r : requests) {
            WatchTarget target = WatchTarget.parse(r.dataId());
            String problem = target == null ? "Unknown data id '" + r.dataId() + "'" : null;
            if (target != null) {
                try {
                    watches.add(new Debugger.Watch(target, r.access() == null ? WatchTarget.Access.WRITE : r.access()));
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            problems.add(problem);
        }
        return new Result(List.copyOf(watches), problems);
    }
}

package eyn.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares a replay with the recording, case by case. In fixed mode a case must print what the OS
 * printed unless it names a deviation, and a case that names one must differ (else the id explains
 * nothing any more). In faithful mode every case must be identical except the unreproducible ones, and
 * a tagged case must still differ.
 */
public final class Verdict {
    public final int cases;
    public int identical;
    public final Map<String, Integer> byDeviation = new TreeMap<>();
    public final List<String> problems = new ArrayList<>();
    public final List<String> unreproducible = new ArrayList<>();

    private Verdict(int cases) {
        this.cases = cases;
    }

    public static Verdict fixed(List<Corpus.Session> sessions, List<List<List<String>>> replays, Set<String> knownIds) {
        Verdict v = new Verdict(count(sessions));
        for (int s = 0; s < sessions.size(); s++) {
            List<Corpus.Case> cases = sessions.get(s).cases();
            for (int i = 0; i < cases.size(); i++) {
                Corpus.Case c = cases.get(i);
                List<String> got = replays.get(s).get(i);
                boolean same = got.equals(c.recorded());
                for (String id : c.deviations()) {
                    if (!knownIds.contains(id)) v.problems.add(c.where() + " `" + c.line() + "`: unknown deviation id " + id);
                }
                if (same) v.identical++;
                if (same && !c.deviations().isEmpty()) {
                    v.problems.add(c.where() + " `" + c.line() + "`: identical, yet annotated " + c.deviations()
                            + " (that deviation explains nothing here any more)");
                } else if (!same && c.deviations().isEmpty()) {
                    v.problems.add(diff(c, got, "unexplained difference"));
                } else if (!same) {
                    for (String id : c.deviations()) v.byDeviation.merge(id, 1, Integer::sum);
                }
            }
        }
        return v;
    }

    public static Verdict faithful(List<Corpus.Session> sessions, List<List<List<String>>> replays) {
        Verdict v = new Verdict(count(sessions));
        for (int s = 0; s < sessions.size(); s++) {
            List<Corpus.Case> cases = sessions.get(s).cases();
            for (int i = 0; i < cases.size(); i++) {
                Corpus.Case c = cases.get(i);
                List<String> got = replays.get(s).get(i);
                if (got.equals(c.recorded())) {
                    v.identical++;
                    if (c.unreproducible()) {
                        v.problems.add(c.where() + " `" + c.line() + "`: identical, yet tagged " + c.tags()
                                + " (that tag explains nothing here any more)");
                    }
                } else if (c.unreproducible()) v.unreproducible.add(c.where() + " `" + c.line() + "` " + c.tags());
                else v.problems.add(diff(c, got, "faithful mode differs"));
            }
        }
        return v;
    }

    private static int count(List<Corpus.Session> sessions) {
        return sessions.stream().mapToInt(s -> s.cases().size()).sum();
    }

    public static String diff(Corpus.Case c, List<String> got, String what) {
        StringBuilder b = new StringBuilder(c.where() + " `" + c.line() + "`: " + what + "\n");
        int n = Math.max(got.size(), c.recorded().size());
        for (int k = 0; k < n; k++) {
            String os = k < c.recorded().size() ? c.recorded().get(k) : null;
            String emu = k < got.size() ? got.get(k) : null;
            if (os != null && os.equals(emu)) {
                b.append("    = ").append(os).append('\n');
            } else {
                if (os != null) b.append("  os  ").append(os).append('\n');
                if (emu != null) b.append("  emu ").append(emu).append('\n');
            }
        }
        return b.toString();
    }
}

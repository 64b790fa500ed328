package eyn.machine;

/** EYN-OS's random generator: an LCG, state*1103515245+12345, value (state>>16)&0x7FFF. */
public final class Rng {
    private int state;

    public Rng(long seed) {
        this.state = (int) seed;
    }

    public int next() {
        state = state * 1103515245 + 12345;
        return (state >>> 16) & 0x7FFF;
    }

    /** A value in [min, max] as EYN-OS computes it: min + next mod (max-min+1). */
    public long inRange(long min, long max) {
        return min + Math.floorMod(next(), max - min + 1);
    }

    public int state() {
        return state;
    }

    Rng copy() {
        Rng r = new Rng(0);
        r.state = state;
        return r;
    }
}

package dev.flotilla.bench;

import java.util.Set;

/**
 * The command line: {@code --rounds N} measured rounds (default 5), {@code --warmup N} unmeasured
 * rounds first (default 1), {@code --slow-rounds N} rounds in which the slow contender (TC
 * one by one) also runs (default: all), {@code --suite-rounds N} rounds that also run the
 * suite scenario (default 3; each takes about a minute), {@code --proxy-rounds N} measured
 * rounds of the fault proxy's cost (default 10, after {@code --warmup} unmeasured ones),
 * {@code --lifecycle-rounds N} rounds of the cold start and the reuse attach (default 10), and
 * {@code --only startup}, {@code --only proxy} or {@code --only lifecycle} to run one part (default: all).
 *
 * @param only the part to run, or null for all of them
 */
record Options(int rounds, int warmup, int slowRounds, int suiteRounds, int proxyRounds, int lifecycleRounds, String only) {

    static final String STARTUP = "startup";
    static final String PROXY = "proxy";
    static final String LIFECYCLE = "lifecycle";
    private static final Set<String> PARTS = Set.of(STARTUP, PROXY, LIFECYCLE);

    static Options parse(String[] args) {
        int rounds = 5;
        int warmup = 1;
        Integer slowRounds = null;
        int suiteRounds = 3;
        int proxyRounds = 10;
        int lifecycleRounds = 10;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rounds" -> rounds = number(args[i], value);
                case "--warmup" -> warmup = number(args[i], value);
                case "--slow-rounds" -> slowRounds = number(args[i], value);
                case "--suite-rounds" -> suiteRounds = number(args[i], value);
                case "--proxy-rounds" -> proxyRounds = number(args[i], value);
                case "--lifecycle-rounds" -> lifecycleRounds = number(args[i], value);
                case "--only" -> only = part(value);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; use --rounds N, --warmup N, --slow-rounds N, --suite-rounds N, --proxy-rounds N, --lifecycle-rounds N, --only startup|proxy|lifecycle");
            }
            i++;
        }
        return new Options(rounds, warmup, slowRounds == null ? rounds : Math.min(slowRounds, rounds), Math.min(suiteRounds, rounds),
                proxyRounds, lifecycleRounds, only);
    }

    /** Whether {@code part} ({@link #STARTUP}, {@link #PROXY} or {@link #LIFECYCLE}) runs. */
    boolean runs(String part) {
        return only == null || only.equals(part);
    }

    private static String part(String value) {
        if (!PARTS.contains(value)) {
            throw new IllegalArgumentException("--only takes " + STARTUP + ", " + PROXY + " or " + LIFECYCLE + ", got " + value);
        }
        return value;
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + value, e);
        }
    }
}

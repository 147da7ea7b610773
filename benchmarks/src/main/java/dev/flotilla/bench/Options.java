package dev.flotilla.bench;

/**
 * The command line: {@code --rounds N} measured rounds (default 5), {@code --warmup N} unmeasured
 * rounds first (default 1), {@code --slow-rounds N} rounds in which the slow contender (TC
 * one by one) also runs (default: all), {@code --suite-rounds N} rounds that also run the
 * suite scenario (default 3; each takes about a minute).
 */
record Options(int rounds, int warmup, int slowRounds, int suiteRounds) {

    static Options parse(String[] args) {
        int rounds = 5;
        int warmup = 1;
        Integer slowRounds = null;
        int suiteRounds = 3;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rounds" -> rounds = number(args[i], value);
                case "--warmup" -> warmup = number(args[i], value);
                case "--slow-rounds" -> slowRounds = number(args[i], value);
                case "--suite-rounds" -> suiteRounds = number(args[i], value);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; use --rounds N, --warmup N, --slow-rounds N, --suite-rounds N");
            }
            i++;
        }
        return new Options(rounds, warmup, slowRounds == null ? rounds : Math.min(slowRounds, rounds), Math.min(suiteRounds, rounds));
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + value, e);
        }
    }
}

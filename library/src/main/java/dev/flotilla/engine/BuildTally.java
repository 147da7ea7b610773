package dev.flotilla.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far one image build is: the bytes of its context sent to the engine, and the Dockerfile
 * step the engine is at, read from its output ({@code Step 3/7 : COPY app/ /app/}; Podman
 * writes {@code STEP 3/7: COPY ...}).
 */
final class BuildTally {

    private static final Pattern STEP = Pattern.compile("^step (\\d+)/(\\d+)\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    /** Instructions are cut to this: an ENTRYPOINT holds the whole class path. */
    private static final int LONGEST_INSTRUCTION = 60;

    private final long contextSize;
    private final AtomicLong contextSent = new AtomicLong();
    private int step;
    private int steps;
    private String instruction = "";

    /** @param contextSize the context's size in bytes */
    BuildTally(long contextSize) {
        this.contextSize = contextSize;
    }

    /** Counts bytes of the context as they are sent. */
    void sent(long bytes) {
        contextSent.addAndGet(bytes);
    }

    /** Takes one line of the engine's build output. */
    synchronized void record(String output) {
        Matcher m = STEP.matcher(output.strip());
        if (m.find()) {
            step = Integer.parseInt(m.group(1));
            steps = Integer.parseInt(m.group(2));
            String text = m.group(3).strip();
            instruction = text.length() > LONGEST_INSTRUCTION ? text.substring(0, LONGEST_INSTRUCTION) + "..." : text;
        }
    }

    /** Where the build is: {@code context 1.3 MB of 1.3 MB sent, step 2/4 (COPY app/ /app/)}. */
    synchronized String progress() {
        String context = "context " + ByteCounts.format(contextSent.get()) + " of " + ByteCounts.format(contextSize) + " sent";
        return step == 0 ? context + ", no step started yet" : context + ", step " + step + "/" + steps + " (" + instruction + ")";
    }

    /** What the build did, once it ended: {@code 4 steps, context 1.3 MB}. */
    synchronized String outcome() {
        return steps + (steps == 1 ? " step" : " steps") + ", context " + ByteCounts.format(contextSize);
    }
}

package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.flotilla.support.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Holding a reusable instance, as the lock files show it to this JVM and to others. Touches no Docker. */
class ReuseHoldsTest {

    private final String hash = "test-" + UUID.randomUUID();

    @AfterEach
    void deleteTheLockFile() throws Exception {
        Files.deleteIfExists(ReuseLedger.DIRECTORY.resolve(hash + ".lock"));
    }

    @Test
    void anInstanceHeldInThisJvmCannotBeRemovedUntilItsLastHolderLetsGo() {
        ReuseHolds.hold(hash);
        ReuseHolds.hold(hash);
        assertThat(ReuseHolds.tryRemoval(hash)).isEmpty();

        ReuseHolds.release(hash);
        assertThat(ReuseHolds.tryRemoval(hash)).as("one holder is left").isEmpty();
        assertThat(ReuseHolds.heldByThisJvm()).contains(hash);

        ReuseHolds.release(hash);
        assertThat(ReuseHolds.heldByThisJvm()).doesNotContain(hash);
        ReuseHolds.Removal removal = ReuseHolds.tryRemoval(hash).orElseThrow();
        assertThat(ReuseHolds.tryRemoval(hash)).as("one removal at a time").isEmpty();
        removal.close();
        assertThat(ReuseHolds.tryRemoval(hash)).as("after the removal").hasValueSatisfying(ReuseHolds.Removal::close);
    }

    @Test
    void aHoldWaitsUntilARemovalUnderWayIsDone() throws Exception {
        ReuseHolds.Removal removal = ReuseHolds.tryRemoval(hash).orElseThrow();
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> ReuseHolds.hold(hash));
        Thread.sleep(300);
        assertThat(holding).as("held while a removal is under way").isNotDone();

        removal.close();
        holding.get(5, TimeUnit.SECONDS);
        assertThat(ReuseHolds.tryRemoval(hash)).isEmpty();
        ReuseHolds.release(hash);
    }

    @Test
    void anInstanceThatAnotherJvmHoldsCannotBeRemovedUntilThatJvmEnds() throws Exception {
        ChildJvm other = ChildJvm.start(Holder.class, Map.of(), List.of(), hash);
        try {
            other.awaitLine("HOLDING", 30);
            assertThat(ReuseHolds.tryRemoval(hash)).isEmpty();
        } finally {
            other.process().destroyForcibly(); // SIGKILL: the operating system lets go of its lock
            other.process().waitFor();
        }
        assertThat(ReuseHolds.tryRemoval(hash)).as("after the other JVM ended").hasValueSatisfying(ReuseHolds.Removal::close);
    }

    /** Run in a child JVM: holds the instance named by the first argument until a line arrives on standard input. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            ReuseHolds.hold(args[0]);
            System.out.println("HOLDING");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}

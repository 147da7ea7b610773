package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The per-machine record of when a reusable instance was last used. Touches no Docker. */
class ReuseLedgerTest {

    @Test
    void holdingAndReleasingRecordTheUse() throws Exception {
        String hash = "test-" + UUID.randomUUID();
        Path record = Path.of(System.getProperty("java.io.tmpdir"), "flotilla-reuse", hash);
        try {
            assertThat(ReuseLedger.lastUse(hash)).isEmpty();

            ReuseLedger.hold(hash);
            assertThat(ReuseLedger.lastUse(hash)).hasValueSatisfying(t -> assertThat(t).isCloseTo(Instant.now(), within()));

            Files.setLastModifiedTime(record, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
            ReuseLedger.release(hash);
            assertThat(ReuseLedger.lastUse(hash)).hasValueSatisfying(t -> assertThat(t).isCloseTo(Instant.now(), within()));
        } finally {
            Files.deleteIfExists(record);
            Files.deleteIfExists(record.resolveSibling(hash + ".lock"));
        }
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES);
    }
}

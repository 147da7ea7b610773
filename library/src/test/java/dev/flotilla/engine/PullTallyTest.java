package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What a progress line says at points of real pulls: the reports are Docker 20.10's own, as it
 * sent them for a pull of a one-layer image of 120 MB (nicolaka/netshoot from the lab's mirror),
 * of a five-layer image whose last two layers wait for a download slot, and of an image whose
 * five layers were all present ({@code src/test/resources/pulls/}, recorded with curl on the
 * engine's socket).
 */
class PullTallyTest {

    @Test
    void aLayerBeingDownloadedCountsItsBytesOfItsSize() throws IOException {
        List<String> reports = reports("netshoot-one-layer.jsonl");

        assertThat(after(reports, 2).progress()).isEqualTo("0/1 layers done, sizes not known yet");
        assertThat(after(reports, 5).progress()).isEqualTo("0/1 layers done, 75.4 MB of 120.4 MB downloaded");
        assertThat(after(reports, 18).progress()).isEqualTo("0/1 layers done, 120.4 MB of 120.4 MB downloaded, extracting 16.2 MB of 120.4 MB");
        PullTally all = after(reports, reports.size());
        assertThat(all.progress()).isEqualTo("1/1 layers done, 120.4 MB of 120.4 MB downloaded");
        assertThat(all.outcome()).isEqualTo("1 layer, 120.4 MB downloaded");
    }

    @Test
    void layersWaitingForTheirDownloadMakeTheTotalALowerBound() throws IOException {
        List<String> reports = reports("five-layers.jsonl");

        assertThat(after(reports, 1).progress()).as("only the image's first report").isEqualTo("no layers announced yet");
        assertThat(after(reports, 9).progress()).as("the first layer's download began")
                .isEqualTo("0/5 layers done, 16.4 kB of at least 1.0 MB downloaded");
        assertThat(after(reports, 29).progress()).as("one layer extracting, one downloaded, two downloading, one waiting")
                .isEqualTo("0/5 layers done, 2.9 MB of at least 4.0 MB downloaded, extracting 32.8 kB of 1.0 MB");
        PullTally all = after(reports, reports.size());
        assertThat(all.progress()).isEqualTo("5/5 layers done, 5.0 MB of 5.0 MB downloaded");
        assertThat(all.outcome()).isEqualTo("5 layers, 5.0 MB downloaded");
    }

    @Test
    void layersThatArePresentAreDoneWithNothingToDownload() throws IOException {
        PullTally all = after(reports("five-layers-present.jsonl"), 8);

        assertThat(all.progress()).isEqualTo("5/5 layers done (5 already present)");
        assertThat(all.outcome()).isEqualTo("5 layers (5 already present), 0 B downloaded");
    }

    /** The tally after the first {@code count} reports. */
    private static PullTally after(List<String> reports, int count) {
        PullTally tally = new PullTally();
        for (String report : reports.subList(0, count)) {
            tally.record(field(report, "\"id\":\"([^\"]+)\""), field(report, "\"status\":\"([^\"]+)\""),
                    number(report, "\"current\":(\\d+)"), number(report, "\"total\":(\\d+)"));
        }
        return tally;
    }

    private static List<String> reports(String name) throws IOException {
        try (InputStream in = PullTallyTest.class.getResourceAsStream("/pulls/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String field(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static Long number(String json, String regex) {
        String value = field(json, regex);
        return value == null ? null : Long.valueOf(value);
    }
}

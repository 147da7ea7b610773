package dev.flotilla.engine;

import static dev.flotilla.engine.ReportPage.all;
import static dev.flotilla.engine.ReportPage.hasClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import dev.flotilla.support.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The run report as a user sees it: opened from disk ({@code file://}) in headless Chromium.
 * Skipped where Chromium is not installed, unless {@code FLOTILLA_TEST_BROWSER=required}
 * (CI's setting), where that is a failure.
 */
class RunReportInBrowserTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2000;
    /** The fill of "start" and "ready" bars (RunReportStyle): painted only where the timeline's SVG is drawn with the page's style. */
    private static final int START_BLUE = 0x2f6fcb;
    private static final int READY_GREEN = 0x2e9b5d;

    private static final HeadlessChromium chromium = HeadlessChromium.find().orElse(null);
    private static List<InstanceRecord> instances;
    private static Path page;

    /** Each test, not the class, is skipped, so that test reports count them as skipped. */
    @BeforeEach
    void openable() throws Exception {
        if (chromium == null) {
            String why = "Chromium is not installed (apt-get install chromium)";
            if (HeadlessChromium.required()) {
                fail(why + ", and " + HeadlessChromium.REQUIRED_VARIABLE + "=required");
            }
            Assumptions.abort(why);
        }
        if (page == null) {
            instances = ReportedRun.instances();
            page = ReportedRun.page("report-in-browser-test.html");
        }
    }

    @Test
    void browsersDomHoldsThePictureTheTimelineAndTheFailureBundleLink() throws Exception {
        ReportPage dom = ReportPage.fromBrowser(page, chromium.dumpDom(page));
        InstanceRecord layered = instances.get(0);
        Element section = dom.section(layered);

        assertThat(all(section, ".//svg[@class='topology']//g[" + hasClass("service") + "]")).hasSize(layered.services().size());
        assertThat(all(section, ".//svg[@class='topology']//path[@class='dependency']")).hasSize(4);
        assertThat(all(section, ".//svg[@class='timeline']//g[" + hasClass("bar") + "]"))
                .hasSize(layered.services().stream().mapToInt(s -> s.phases().size()).sum());
        List<Path> bundles = dom.all("//section[" + hasClass("failures") + "]//a[. = 'failure bundle']").stream().map(dom::target).toList();
        assertThat(bundles).containsExactlyInAnyOrderElementsOf(instances.stream().flatMap(i -> i.bundles().stream()).toList())
                .allSatisfy(bundle -> assertThat(bundle).isRegularFile());
    }

    @Test
    void screenshotShowsThePageWithItsPicturesPainted(@TempDir Path directory) throws Exception {
        Path png = directory.resolve("report.png");

        chromium.screenshot(page, png, WIDTH, HEIGHT);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        Set<Integer> colors = new HashSet<>();
        int startBlue = 0;
        int readyGreen = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colors.add(rgb);
                startBlue += near(rgb, START_BLUE) ? 1 : 0;
                readyGreen += near(rgb, READY_GREEN) ? 1 : 0;
            }
        }
        assertThat(colors).hasSizeGreaterThan(1);
        // More than the legend's 12 x 12 swatches: the bars of the first instance's timeline.
        assertThat(startBlue).isGreaterThan(1000);
        assertThat(readyGreen).isGreaterThan(300);
    }

    private static boolean near(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xff) - (expected >> shift & 0xff)) > 3) {
                return false;
            }
        }
        return true;
    }
}

package dev.flotilla.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;

/**
 * Runs issue 5's benchmark: every scenario with every contender, interleaved within each round
 * (the contenders' order rotates from round to round, so none always runs first or on a
 * warmer engine), then the fault proxy's own cost ({@link ProxyOverhead}); prints the tables and
 * writes them, the raw samples and a chart to {@code target/}. {@code --only startup} or
 * {@code --only proxy} runs one part. See the module's README for the command.
 */
public final class BenchmarkMain {

    /** Lets Docker finish the asynchronous tail of a removal before the next contender is timed. */
    private static final long SETTLE_MS = 300;

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Machine machine = Machine.describe();
        long began = System.nanoTime();
        Path target = Path.of("target");
        Files.createDirectories(target);
        StringBuilder markdown = new StringBuilder();
        if (options.runs(Options.STARTUP)) {
            markdown.append(startup(options, machine, began, target));
        }
        if (options.runs(Options.PROXY)) {
            Samples proxy = new Samples();
            try {
                ProxyOverhead.run(options.warmup(), options.proxyRounds(), proxy);
            } finally {
                removeLeftovers();
            }
            markdown.append(markdown.isEmpty() ? "" : "\n").append(new ProxyReport(proxy, options.warmup()).render());
            Files.writeString(target.resolve("benchmark-proxy-samples.csv"), proxy.csv());
        }
        if (options.runs(Options.LIFECYCLE)) {
            Samples lifecycle = new Samples();
            try {
                ColdStart.run(options.warmup(), options.lifecycleRounds(), lifecycle);
                ReuseAttach.run(options.warmup(), options.lifecycleRounds(), lifecycle);
                PreparedState.run(options.warmup(), Math.min(options.lifecycleRounds(), options.rounds()), lifecycle);
            } finally {
                removeLeftovers();
            }
            markdown.append(markdown.isEmpty() ? "" : "\n").append(new LifecycleReport(lifecycle, options.warmup()).render());
            Files.writeString(target.resolve("benchmark-lifecycle-samples.csv"), lifecycle.csv());
        }
        markdown.append("\nMeasured ").append(machine.line()).append(".\n");
        // A run of one part writes its own file, so it does not replace the table of a full run.
        Path results = target.resolve(options.only() == null ? "benchmark-results.md" : "benchmark-results-" + options.only() + ".md");
        Files.writeString(results, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written: " + results.toAbsolutePath() + " and the samples as CSV");
    }

    /** Issue 5's start-up and teardown scenarios and the suite: runs them, writes samples and chart, returns the tables. */
    private static String startup(Options options, Machine machine, long began, Path target) throws Exception {
        ensureImage();
        Contender floor = new DockerJavaFloor();
        Contender sequential = new TestcontainersSequential();
        Contender flotilla = new FlotillaContender();
        // Flotilla last: the report's targets judge the last contender.
        List<Contender> contenders = List.of(floor, sequential, new TestcontainersParallel(), FlotillaContender.withOwnNetworks(), flotilla);
        // 4 independent: the engine's cost of the chain's four starts with no order to keep, the bound of any chain of 4.
        List<Scenario> scenarios = List.of(Scenario.single(), Scenario.independent(8), Scenario.chain(4), Scenario.independent(4),
                Scenario.diamond());
        Samples samples = new Samples();
        Samples suite = new Samples();
        try {
            for (int round = 1 - options.warmup(); round <= options.rounds(); round++) {
                boolean measured = round >= 1;
                boolean slowRuns = !measured || round <= options.slowRounds();
                for (Scenario scenario : scenarios) {
                    for (Contender contender : rotated(contenders, round)) {
                        if (contender == sequential && !slowRuns) {
                            continue;
                        }
                        runOnce(scenario, contender, measured ? samples : null);
                    }
                }
                for (Contender contender : rotated(List.of(floor, sequential, flotilla), round)) {
                    double latency = ReadinessLatency.measure(contender);
                    if (measured) {
                        samples.add(Rows.READINESS, contender.name(), latency);
                    }
                    Thread.sleep(SETTLE_MS);
                }
                if (!measured) {
                    // Loads the JUnit launcher, Jupiter and both extensions before anything is timed.
                    SuiteScenario.run(SuiteScenario.Kind.FLOTILLA_SUITE);
                    SuiteScenario.run(SuiteScenario.Kind.TC_PARALLEL);
                } else if (round <= options.suiteRounds()) {
                    for (SuiteScenario.Kind kind : rotated(List.of(SuiteScenario.Kind.values()), round)) {
                        suite.add(SuiteScenario.ROW, kind.title, SuiteScenario.run(kind));
                        Thread.sleep(SETTLE_MS);
                    }
                }
                System.out.printf(Locale.ROOT, "%s round %d done after %d s%n", measured ? "measured" : "warm-up",
                        measured ? round : round + options.warmup(), (System.nanoTime() - began) / 1_000_000_000);
            }
        } finally {
            TestcontainersSuiteFixtures.NETWORK.close();
            removeLeftovers();
        }

        List<String> names = contenders.stream().map(Contender::name).toList();
        String method = method(options, (System.nanoTime() - began) / 1_000_000_000);
        Files.writeString(target.resolve("benchmark-samples.csv"), samples.csv());
        Files.writeString(target.resolve("benchmark-chart.svg"),
                new SvgChart(samples, names, suite, SuiteScenario.titles()).render("Flotilla vs Testcontainers vs docker-java, busybox httpd (" + machine.date() + ")"));
        return new MarkdownReport(samples, names, suite, SuiteScenario.titles(), method).render();
    }

    private static void removeLeftovers() {
        int left = Leftovers.removeAll();
        if (left > 0) {
            System.out.println("Removed " + left + " containers/networks left behind by a failure");
        }
    }

    private static void runOnce(Scenario scenario, Contender contender, Samples samples) throws Exception {
        long start = System.nanoTime();
        Contender.Deployment deployment = contender.start(scenario, Busybox.HTTPD);
        long ready = System.nanoTime();
        try {
            checkAnswers(scenario, deployment, contender);
        } finally {
            long closing = System.nanoTime();
            deployment.close();
            long closed = System.nanoTime();
            if (samples != null) {
                samples.add(Rows.start(scenario), contender.name(), (ready - start) / 1e6);
                samples.add(Rows.teardown(scenario), contender.name(), (closed - closing) / 1e6);
            }
        }
        Thread.sleep(SETTLE_MS);
    }

    /** A contender that returned early would look fast: every service must answer once start returns. */
    private static void checkAnswers(Scenario scenario, Contender.Deployment deployment, Contender contender) {
        for (ServiceShape service : scenario.services()) {
            String[] address = deployment.address(service.name()).split(":");
            int status = HttpProbe.status(address[0], Integer.parseInt(address[1]), "/");
            if (status != Busybox.READY_STATUS) {
                throw new IllegalStateException(contender.name() + " returned from start of " + scenario.title()
                        + " but " + service.name() + " answers " + status);
            }
        }
    }

    private static <T> List<T> rotated(List<T> items, int round) {
        List<T> order = new ArrayList<>(items);
        java.util.Collections.rotate(order, Math.floorMod(round, items.size()));
        return order;
    }

    private static void ensureImage() throws InterruptedException {
        DockerClient docker = DockerClientFactory.instance().client();
        try {
            docker.inspectImageCmd(Busybox.IMAGE).exec();
        } catch (NotFoundException e) {
            docker.pullImageCmd(Busybox.IMAGE).start().awaitCompletion();
        }
    }

    private static String method(Options options, long seconds) {
        return "Method: " + options.warmup() + " warm-up round(s), then " + options.rounds() + " measured rounds"
                + (options.slowRounds() < options.rounds() ? " (TC start() one by one in the first " + options.slowRounds() + " only)" : "")
                + "; within a round every contender runs every scenario, in an order that rotates each round."
                + " Start = from the call to every service answering GET / with 404 on its published port;"
                + " teardown = close()/stop() until containers and network are gone. Each run makes a bridge network"
                + " and per service a busybox:1.36 httpd container with a network alias and port 8080 published;"
                + " Flotilla takes the network the previous topology of the JVM handed on and keeps it at close"
                + " (flotilla.network.pool, as users run it), \"Flotilla, own network\" makes and removes its own as the others do."
                + " Floor: docker-java, one thread per service, 2 ms HTTP loop, parallel force-remove."
                + " TC: GenericContainer + Wait.forHttp(\"/\").forStatusCode(404), stop() one by one."
                + " Readiness latency: the service sleeps " + ReadinessLatency.DELAY_SECONDS + " s, stamps the time, then starts"
                + " httpd; latency = time start() returned - stamp."
                + " Suite: 10 JUnit classes with one test each (GET both services), run by the JUnit launcher in the benchmark JVM,"
                + " timed from launch to end of run, in the first " + options.suiteRounds() + " measured rounds;"
                + " TC's network is made once per run, Flotilla's handed on from topology to topology. Whole run: " + seconds + " s.";
    }
}

package dev.flotilla.bench;

import java.util.List;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.TopologyBuilder;
import dev.flotilla.engine.FlotillaSettings;

/**
 * Flotilla's code API: one topology per scenario, started with {@code start()}, removed with {@code close()}.
 * As users run it, each topology takes the network the one before it handed on; {@link #withOwnNetworks()}
 * makes and removes one per topology ({@code flotilla.network.pool=off}), as the floor does.
 */
final class FlotillaContender implements Contender {

    static final String OWN_NETWORKS = "Flotilla, own network";

    private final boolean ownNetworks;

    FlotillaContender() {
        this(false);
    }

    private FlotillaContender(boolean ownNetworks) {
        this.ownNetworks = ownNetworks;
    }

    /** Flotilla with every topology's network made at its start and removed at its close. */
    static FlotillaContender withOwnNetworks() {
        return new FlotillaContender(true);
    }

    @Override
    public String name() {
        return ownNetworks ? OWN_NETWORKS : "Flotilla";
    }

    @Override
    public Deployment start(Scenario scenario, List<String> command) {
        if (!ownNetworks) {
            return startTopology(scenario, command);
        }
        // Read at the start only: the topology remembers whether its network goes back to the pool at its close.
        System.setProperty(FlotillaSettings.NETWORK_POOL, "off");
        try {
            return startTopology(scenario, command);
        } finally {
            System.clearProperty(FlotillaSettings.NETWORK_POOL);
        }
    }

    private static Deployment startTopology(Scenario scenario, List<String> command) {
        TopologyBuilder builder = Flotilla.topology("bench-" + scenario.id());
        for (ServiceShape service : scenario.services()) {
            builder.service(service.name(), Busybox.IMAGE, s -> s
                    .ports(Busybox.PORT)
                    .command(command.toArray(String[]::new))
                    .waitForHttp(Busybox.PORT, "/", Busybox.READY_STATUS)
                    .dependsOn(service.dependsOn().toArray(String[]::new))
                    .label(Busybox.LABEL, Busybox.RUN_ID));
        }
        RunningTopology running = builder.build().start();
        return new Deployment() {
            @Override
            public String address(String service) {
                return running.service(service).address(Busybox.PORT);
            }

            @Override
            public void close() {
                running.close();
            }
        };
    }
}

package dev.flotilla.bench;

import java.util.List;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.TopologyBuilder;

/** Flotilla's code API: one topology per scenario, started with {@code start()}, removed with {@code close()}. */
final class FlotillaContender implements Contender {

    @Override
    public String name() {
        return "Flotilla";
    }

    @Override
    public Deployment start(Scenario scenario, List<String> command) {
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

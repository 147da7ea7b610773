package dev.flotilla.bench;

import java.util.List;

/** One way of starting a scenario's services and removing them again. */
interface Contender {

    /** The name in the table. */
    String name();

    /**
     * Starts every service of {@code scenario}, each running {@code command}, and returns once
     * each answers HTTP on its published port 8080.
     */
    Deployment start(Scenario scenario, List<String> command) throws Exception;

    /** Started services; closing removes them (and their network) and returns when all are gone. */
    interface Deployment extends AutoCloseable {

        /** The published address ({@code host:port}) of a service's port 8080. */
        String address(String service);

        @Override
        void close() throws Exception;
    }
}

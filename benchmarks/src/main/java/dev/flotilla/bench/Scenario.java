package dev.flotilla.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A topology shape that every contender starts and removes. Services are listed so that each
 * comes after its dependencies, which lets the sequential contender start them in list order.
 *
 * @param id short name used in file names and the chart
 * @param title what the table calls it
 */
record Scenario(String id, String title, List<ServiceShape> services) {

    Scenario {
        services = List.copyOf(services);
    }

    static Scenario single() {
        return new Scenario("single", "1 service", List.of(new ServiceShape("web", List.of())));
    }

    static Scenario independent(int count) {
        List<ServiceShape> services = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            services.add(new ServiceShape("web" + i, List.of()));
        }
        return new Scenario("independent" + count, count + " independent", services);
    }

    static Scenario chain(int length) {
        List<ServiceShape> services = new ArrayList<>();
        for (int i = 1; i <= length; i++) {
            services.add(new ServiceShape("link" + i, i == 1 ? List.of() : List.of("link" + (i - 1))));
        }
        return new Scenario("chain" + length, "chain of " + length, services);
    }

    /** One root, two services that need it, one service that needs both. */
    static Scenario diamond() {
        return new Scenario("diamond", "diamond 1-2-1", List.of(
                new ServiceShape("top", List.of()),
                new ServiceShape("left", List.of("top")),
                new ServiceShape("right", List.of("top")),
                new ServiceShape("bottom", List.of("left", "right"))));
    }
}

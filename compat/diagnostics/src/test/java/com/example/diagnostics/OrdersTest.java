package com.example.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;

// Fails on purpose: compat/run checks that the failure's entry in Surefire's XML report carries the bundle.
@Topology(name = "compat-diagnostics")
@Service(name = "orders", image = "busybox:1.36",
        command = {"sh", "-c", "echo orders starting; echo 'orders: connection to db refused' >&2; echo orders ready; sleep 600"},
        waitFor = @WaitFor(log = "orders ready"))
class OrdersTest {

    @Test
    void placesAnOrder(ServiceHandle orders) {
        assertThat(orders.exec("sh", "-c", "exit 3").exitCode()).as("the order service's answer").isZero();
    }
}

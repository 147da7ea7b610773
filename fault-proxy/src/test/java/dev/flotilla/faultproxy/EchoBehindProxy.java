package dev.flotilla.faultproxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For tests of one proxy in front of a real echo server, fresh for each test. */
abstract class EchoBehindProxy {

    protected TestServer echo;
    protected ProxyFixture proxy;

    @BeforeEach
    void startEchoAndProxy() throws Exception {
        echo = TestServer.echo();
        proxy = ProxyFixture.inFrontOf(echo);
    }

    @AfterEach
    void stopEchoAndProxy() throws Exception {
        proxy.close();
        echo.close();
    }
}

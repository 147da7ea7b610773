package com.example.junitrange;

import org.junit.jupiter.api.Order;

/** One of three classes on {@link SuiteStack}; each must meet the one instance that the first started. */
@Order(6)
@SuiteStack
class SuiteThirdTest extends SharesTheSuiteStack {
}

package dev.flotilla.assertj;

import java.util.List;
import java.util.regex.Pattern;

import dev.flotilla.ServiceHandle;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractStringAssert;

/**
 * Assertions on a service's log as it was when {@link ServiceHandleAssert#logs()} read it:
 * stdout and stderr, one line per line, secret values masked. Every assertion on a
 * {@code String} applies ({@code contains}, {@code doesNotContain}, {@code matches}...); the line
 * assertions here show the service's state and the log's last lines when they fail.
 *
 * <pre>{@code assertThat(orders).logs().containsLineMatching("started in .* ms").doesNotContain("Exception");}</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ServiceLogsAssert extends AbstractStringAssert<ServiceLogsAssert> {

    private final ServiceHandle service;

    /**
     * Assertions on {@code logs}, the log of {@code service}; prefer
     * {@link FlotillaAssertions#assertThat(ServiceHandle)}{@code .logs()}.
     *
     * @param service the service the log comes from, whose name and state failure messages show
     * @param logs the log as read, one line per line
     */
    public ServiceLogsAssert(ServiceHandle service, String logs) {
        super(logs, ServiceLogsAssert.class);
        this.service = service;
    }

    /**
     * Verifies that a line contains a match of {@code regex}, as {@code @WaitFor(log = ...)} looks for one.
     *
     * @param regex the regular expression, found anywhere in a line
     * @return this assertion, for chaining
     */
    public ServiceLogsAssert containsLineMatching(String regex) {
        isNotNull();
        Pattern pattern = Pattern.compile(regex);
        List<String> lines = ServiceReport.lines(actual);
        if (lines.stream().noneMatch(line -> pattern.matcher(line).find())) {
            failWith("to contain a line matching /" + regex + "/, but " + ServiceReport.noneOf(lines));
        }
        return myself;
    }

    /**
     * Verifies that no line contains a match of {@code regex}.
     *
     * @param regex the regular expression, found anywhere in a line
     * @return this assertion, for chaining
     */
    public ServiceLogsAssert doesNotContainLineMatching(String regex) {
        isNotNull();
        Pattern pattern = Pattern.compile(regex);
        ServiceReport.lines(actual).stream().filter(line -> pattern.matcher(line).find()).findFirst()
                .ifPresent(line -> failWith("to contain no line matching /" + regex + "/, but it contains \"" + line + "\""));
        return myself;
    }

    private void failWith(String expectationAndFinding) {
        throwAssertionError(new Failure("Expecting the log of " + ServiceReport.name(service) + " " + expectationAndFinding + "."
                + ServiceReport.of(service, actual)));
    }
}

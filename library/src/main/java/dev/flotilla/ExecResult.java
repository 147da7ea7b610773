package dev.flotilla;

import org.apiguardian.api.API;

/**
 * What a command run with {@link ServiceHandle#exec(String...)} left behind.
 *
 * @param exitCode the command's exit code
 * @param stdout what it wrote to standard output
 * @param stderr what it wrote to standard error
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ExecResult(int exitCode, String stdout, String stderr) {
}

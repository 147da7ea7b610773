package dev.flotilla.resolve.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apiguardian.api.API;

/**
 * What to read of compose files: the files, merged in order, the active profiles, and whether
 * host ports written in the files are replaced by random ones.
 *
 * @param files the compose files, relative to the working directory unless absolute; the first
 *     one's directory is the project directory, against which the files' relative paths resolve
 * @param profiles the active profiles: services with {@code profiles} run only when one of theirs is active
 * @param randomHostPorts whether every published port gets a random host port, whatever the files say
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ComposeSource(List<Path> files, Set<String> profiles, boolean randomHostPorts) {

    public ComposeSource {
        files = List.copyOf(files);
        profiles = Set.copyOf(profiles);
    }
}

package dev.flotilla.resolve.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A file of {@code KEY=value} lines, as Compose reads {@code .env} and {@code env_file}: blank
 * lines and {@code #} comments skipped, an optional {@code export} prefix, values in single quotes
 * taken literally, in double quotes or bare interpolated.
 */
final class EnvFile {

    private EnvFile() {
    }

    /**
     * The variables of {@code file}; a bare {@code KEY} line takes its value from {@code lookup}
     * (the process environment), and is left out when that has none.
     */
    static Map<String, String> read(Path file, UnaryOperator<String> interpolate, UnaryOperator<String> lookup) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                String value = lookup.apply(line);
                if (value != null) {
                    variables.put(line, value);
                }
                continue;
            }
            String key = line.substring(0, equals).strip();
            if (key.isEmpty()) {
                throw new IOException(file.getFileName() + ":" + number + ": a line starts with '='");
            }
            variables.put(key, value(line.substring(equals + 1).strip(), interpolate));
        }
        return variables;
    }

    private static String value(String raw, UnaryOperator<String> interpolate) {
        if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return interpolate.apply(raw.substring(1, raw.length() - 1).replace("\\n", "\n").replace("\\\"", "\""));
        }
        int comment = raw.indexOf(" #");
        return interpolate.apply(comment < 0 ? raw : raw.substring(0, comment).strip());
    }
}

package dev.flotilla.resolve.compose;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flotilla.model.ConfigProblems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one compose file into plain maps, lists and strings, interpolating every value and noting
 * where each key was written. Scalars stay text ({@code 8080:80} must not become a number, as a
 * YAML 1.1 reader would make it); YAML merge keys ({@code <<: *defaults}) are applied.
 */
final class ComposeYaml {

    private final Path file;
    private final String fileName;
    private final Interpolation interpolation;
    private final Locations locations;
    private final ConfigProblems problems;

    private ComposeYaml(Path file, Interpolation interpolation, Locations locations, ConfigProblems problems) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.interpolation = interpolation;
        this.locations = locations;
        this.problems = problems;
    }

    /** The file's top-level mapping; empty (with a problem recorded) if it cannot be read. */
    static Map<String, Object> read(Path file, Interpolation interpolation, Locations locations, ConfigProblems problems) {
        return new ComposeYaml(file, interpolation, locations, problems).read();
    }

    private Map<String, Object> read() {
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(fileName + ":" + line, "not valid YAML: " + e.getProblem(), "correct the file " + file);
            return Map.of();
        } catch (IOException e) {
            problems.add(file.toString(), "cannot be read (" + e + ")", "check the path in @ComposeFile; relative paths start at "
                    + Path.of("").toAbsolutePath());
            return Map.of();
        }
        if (root == null) {
            return Map.of();
        }
        Object value = convert(root, "");
        if (!(value instanceof Map<?, ?>)) {
            problems.add(fileName + ":1", "the file is not a mapping of top-level keys", "start it with 'services:'");
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) value;
        return top;
    }

    private Object convert(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            return mapping(mapping, path);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                String itemPath = path + "[" + i + "]";
                Node item = sequence.getValue().get(i);
                locations.put(itemPath, where(item));
                list.add(convert(item, itemPath));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (Tag.NULL.equals(scalar.getTag())) {
            return null;
        }
        try {
            return interpolation.apply(scalar.getValue());
        } catch (RuntimeException e) {
            problems.add(where(node) + ": " + path, e.getMessage(), "set the variable, or give it a default with ${NAME:-default}");
            return scalar.getValue();
        }
    }

    private Map<String, Object> mapping(MappingNode mapping, String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Node> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(where(tuple.getKeyNode()) + ": " + path, "a key is not plain text", "use plain keys");
                continue;
            }
            if (Tag.MERGE.equals(keyNode.getTag()) || "<<".equals(keyNode.getValue())) {
                merged.add(tuple.getValueNode());
                continue;
            }
            String key = keyNode.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            locations.put(keyPath, where(keyNode));
            map.put(key, convert(tuple.getValueNode(), keyPath));
        }
        // Keys written in the mapping itself win over merged ones; earlier merged mappings over later ones.
        for (Node source : merged) {
            List<Node> sources = source instanceof SequenceNode sequence ? sequence.getValue() : List.of(source);
            for (Node one : sources) {
                if (convert(one, path) instanceof Map<?, ?> entries) {
                    entries.forEach((key, value) -> map.putIfAbsent((String) key, value));
                }
            }
        }
        return map;
    }

    private String where(Node node) {
        return fileName + ":" + (node.getStartMark().getLine() + 1);
    }
}

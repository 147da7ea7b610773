package dev.flotilla.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.flotilla.TopologyDefinition;

/**
 * A text picture of who depends on whom: each service nobody depends on at the top, its
 * dependencies below it. A service reached a second time is marked {@code (see above)}.
 *
 * <pre>
 * gateway   http://127.0.0.1:8080
 * +-- orders     http://127.0.0.1:32770
 * |   `-- postgres   127.0.0.1:32768
 * `-- inventory  http://127.0.0.1:32771
 *     `-- redis      127.0.0.1:32769
 * </pre>
 */
public final class TopologyPicture {

    private TopologyPicture() {
    }

    /** The picture of {@code topology}, each service followed by what {@code describe} says of it. */
    public static String of(TopologyDefinition topology, Function<String, String> describe) {
        List<String> lines = new ArrayList<>();
        Set<String> drawn = new HashSet<>();
        for (String root : roots(topology)) {
            draw(topology, describe, root, "", "", lines, drawn);
        }
        int width = lines.stream().mapToInt(line -> line.indexOf('\t')).max().orElse(0);
        StringBuilder picture = new StringBuilder();
        for (String line : lines) {
            int tab = line.indexOf('\t');
            String label = line.substring(0, tab);
            picture.append(label).append(" ".repeat(width - tab + 2)).append(line.substring(tab + 1)).append('\n');
        }
        return picture.toString();
    }

    private static List<String> roots(TopologyDefinition topology) {
        Set<String> dependedOn = new HashSet<>();
        topology.serviceNames().forEach(name -> dependedOn.addAll(topology.dependenciesOf(name)));
        return topology.serviceNames().stream().filter(name -> !dependedOn.contains(name)).toList();
    }

    private static void draw(TopologyDefinition topology, Function<String, String> describe, String name,
            String lead, String childLead, List<String> lines, Set<String> drawn) {
        if (!drawn.add(name)) {
            lines.add(lead + name + "\t(see above)");
            return;
        }
        lines.add(lead + name + "\t" + describe.apply(name));
        List<String> dependencies = topology.dependenciesOf(name);
        for (int i = 0; i < dependencies.size(); i++) {
            boolean last = i == dependencies.size() - 1;
            draw(topology, describe, dependencies.get(i), childLead + (last ? "`-- " : "+-- "), childLead + (last ? "    " : "|   "),
                    lines, drawn);
        }
    }
}

package dev.flotilla.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far one attempt at a pull is, summed over its layers from the engine's progress reports:
 * layers done out of those announced, bytes downloaded out of the sizes known, and what is
 * being extracted. The engine reports each layer's progress many times a second; this keeps the
 * latest of each, so that a line every few seconds can say where the whole pull is.
 */
final class PullTally {

    private enum Phase { WAITING, DOWNLOADING, DOWNLOADED, EXTRACTING, DONE, PRESENT }

    /** One layer as last reported; a size of -1 is not known yet (the engine tells it when the layer's download starts). */
    private static final class Layer {
        Phase phase = Phase.WAITING;
        long size = -1;
        long downloaded;
        long extracted;
    }

    private final Map<String, Layer> layers = new LinkedHashMap<>();

    /**
     * Takes one report of the engine: {@code id} is a layer's short digest (or, for the reports
     * about the whole image, null or the tag), {@code current} and {@code total} its progress
     * detail in bytes, where it has one.
     */
    synchronized void record(String id, String status, Long current, Long total) {
        if (id == null || status == null || status.startsWith("Pulling from ")) {
            return; // about the image, not a layer
        }
        Layer layer = layers.computeIfAbsent(id, k -> new Layer());
        if (total != null && total > 0) {
            layer.size = total;
        }
        long at = current == null ? 0 : current;
        switch (status) {
            case "Downloading" -> {
                layer.phase = Phase.DOWNLOADING;
                layer.downloaded = at;
            }
            case "Verifying Checksum", "Download complete" -> {
                layer.phase = Phase.DOWNLOADED;
                layer.downloaded = Math.max(layer.downloaded, layer.size);
            }
            case "Extracting" -> {
                layer.phase = Phase.EXTRACTING;
                layer.downloaded = Math.max(layer.downloaded, layer.size);
                layer.extracted = at;
            }
            case "Pull complete" -> {
                layer.phase = Phase.DONE;
                layer.downloaded = Math.max(layer.downloaded, layer.size);
            }
            case "Already exists" -> layer.phase = Phase.PRESENT;
            default -> {
                // "Pulling fs layer", "Waiting", "Retrying in 5 seconds": announced, nothing done yet
            }
        }
    }

    /** Where the pull is: {@code 1/3 layers done, 4.2 MB of 9.4 MB downloaded, extracting 1.1 MB of 3.1 MB}. */
    synchronized String progress() {
        if (layers.isEmpty()) {
            return "no layers announced yet";
        }
        int done = 0;
        int present = 0;
        int unknownSizes = 0;
        long downloaded = 0;
        long known = 0;
        long extracted = 0;
        long extracting = 0;
        for (Layer layer : layers.values()) {
            switch (layer.phase) {
                case PRESENT -> present++;
                case DONE -> done++;
                case EXTRACTING -> {
                    extracted += layer.extracted;
                    extracting += Math.max(layer.size, 0);
                }
                default -> {
                    // counted below
                }
            }
            if (layer.phase != Phase.PRESENT) {
                downloaded += layer.downloaded;
                if (layer.size < 0) {
                    unknownSizes++;
                } else {
                    known += layer.size;
                }
            }
        }
        StringBuilder text = new StringBuilder().append(done + present).append('/').append(layers.size()).append(" layers done");
        if (present > 0) {
            text.append(" (").append(present).append(" already present)");
        }
        if (known == 0 && unknownSizes > 0) {
            text.append(", sizes not known yet");
        } else if (known > 0) {
            text.append(", ").append(ByteCounts.format(downloaded)).append(" of ").append(unknownSizes > 0 ? "at least " : "")
                    .append(ByteCounts.format(known)).append(" downloaded");
        }
        if (extracting > 0) {
            text.append(", extracting ").append(ByteCounts.format(extracted)).append(" of ").append(ByteCounts.format(extracting));
        }
        return text.toString();
    }

    /** What the pull fetched, once it ended: {@code 3 layers, 9.4 MB downloaded}, {@code 2 layers (1 already present), ...}. */
    synchronized String outcome() {
        if (layers.isEmpty()) {
            return "no layer to download";
        }
        long present = layers.values().stream().filter(l -> l.phase == Phase.PRESENT).count();
        long downloaded = layers.values().stream().filter(l -> l.phase != Phase.PRESENT).mapToLong(l -> l.downloaded).sum();
        return layers.size() + (layers.size() == 1 ? " layer" : " layers")
                + (present > 0 ? " (" + present + " already present)" : "") + ", " + ByteCounts.format(downloaded) + " downloaded";
    }
}

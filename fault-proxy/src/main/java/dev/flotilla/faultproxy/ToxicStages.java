package dev.flotilla.faultproxy;

/** Creates the stage that carries out a toxic on one connection. */
final class ToxicStages {

    private ToxicStages() {
    }

    static ToxicStage create(Toxic toxic, StageOutput output) {
        return switch (toxic.type()) {
            case LATENCY -> new LatencyStage(toxic.attribute("latency"), toxic.attribute("jitter"), output);
            case BANDWIDTH -> new BandwidthStage(toxic.attribute("rate"), output);
            case TIMEOUT -> new TimeoutStage(toxic.attribute("timeout"), output);
            case RESET_PEER -> new ResetPeerStage(toxic.attribute("timeout"), output);
            case SLICER -> new SlicerStage(toxic.attribute("average_size"), toxic.attribute("size_variation"),
                    toxic.attribute("delay"), output);
            case LIMIT_DATA -> new LimitDataStage(toxic.attribute("bytes"), output);
            case CUT -> new CutStage(output);
            // DOWN acts on the listeners, not on connections; FaultProxy handles it.
            case DOWN -> throw new IllegalArgumentException("down has no per-connection stage");
        };
    }
}

package dev.flotilla.engine;

import java.util.List;
import java.util.Map;

/**
 * Every image of a topology made available: the steps that did it, and the images built for
 * Java application services.
 *
 * @param builtImages the image each Java application service runs, by service name
 * @param steps for each service, how its image was made available: its pull (or the look that
 *     found it), and for a Java application also the build of its own image
 */
record PreparedImages(Map<String, String> builtImages, Map<String, List<Phase>> steps) {

    PreparedImages {
        builtImages = Map.copyOf(builtImages);
        steps = Map.copyOf(steps);
    }
}

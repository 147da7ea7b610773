package dev.flotilla.engine;

import java.time.Instant;
import java.util.Map;

/**
 * Every image of a topology made available: when that began and ended (pulls and builds), and
 * the images built for Java application services.
 *
 * @param builtImages the image each Java application service runs, by service name
 * @param began when the pulls began
 * @param ended when the last image was there
 */
record PreparedImages(Map<String, String> builtImages, Instant began, Instant ended) {

    PreparedImages {
        builtImages = Map.copyOf(builtImages);
    }
}

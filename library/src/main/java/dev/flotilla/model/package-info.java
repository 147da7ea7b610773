/**
 * The immutable model of a topology: what annotations, the code API and (later) compose files
 * all resolve to, validated completely before Docker is touched. Value equality makes "the
 * same topology" a lookup. Internal: not part of Flotilla's public API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.flotilla.model;

import org.apiguardian.api.API;

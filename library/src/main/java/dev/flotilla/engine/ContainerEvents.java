package dev.flotilla.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Docker itself recorded of an instance's containers (their create, start, die and destroy
 * events), so that the run report shows Docker's times beside Flotilla's. Asked when the page is
 * written; where the engine cannot be asked (it is gone, or does not answer in time) the page is
 * drawn without them.
 */
final class ContainerEvents {

    /** One event of one service's container. */
    record ContainerEvent(String service, String action, Instant time, String container) {
    }

    static final List<String> ACTIONS = List.of("create", "start", "die", "destroy");

    private static final Logger LOG = LoggerFactory.getLogger(ContainerEvents.class);
    private static final long PATIENCE_MILLIS = 3000;
    private static final int DESTROY_ATTEMPTS = 10;
    private static final long DESTROY_PAUSE_MILLIS = 200;
    /** Docker keeps only its last 256 events: those of a removed instance are kept once read, for the pages written later. */
    private static final Map<InstanceRecord, List<ContainerEvent>> OF_REMOVED = new ConcurrentHashMap<>();

    private boolean unanswered;

    /** Asks for the events of one page: once the engine failed to answer, it is not asked again for the same page. */
    ContainerEvents() {
    }

    /** The events of the instance's containers, oldest first; empty where Docker could not be asked. */
    Optional<List<ContainerEvent>> of(InstanceRecord instance) {
        List<ContainerEvent> kept = OF_REMOVED.get(instance);
        if (kept != null) {
            return Optional.of(kept);
        }
        if (unanswered) {
            return Optional.empty();
        }
        boolean removed = instance.removed().isPresent();
        Optional<List<ContainerEvent>> asked = ask(instance);
        // At a JVM's exit Testcontainers' own hook may still be removing a container that Flotilla found
        // under removal already: its destroy comes a moment later.
        for (int attempt = 0; removed && attempt < DESTROY_ATTEMPTS && asked.filter(ContainerEvents::destroyMissing).isPresent(); attempt++) {
            try {
                Thread.sleep(DESTROY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            asked = ask(instance);
        }
        asked.filter(events -> removed).ifPresent(events -> OF_REMOVED.put(instance, events));
        unanswered = asked.isEmpty();
        return asked;
    }

    /** Whether a container created is not destroyed yet, as these events tell. */
    private static boolean destroyMissing(List<ContainerEvent> events) {
        Set<String> created = new HashSet<>();
        Set<String> destroyed = new HashSet<>();
        for (ContainerEvent event : events) {
            (event.action().equals("destroy") ? destroyed : created).add(event.container());
        }
        return !destroyed.containsAll(created);
    }

    private static Optional<List<ContainerEvent>> ask(InstanceRecord instance) {
        List<ContainerEvent> events = new ArrayList<>();
        Instant now = Instant.now();
        // Docker's clock may run a little apart from this JVM's: ask from a little earlier; the label picks the instance.
        Instant since = instance.created().minusSeconds(2);
        try (ResultCallback.Adapter<Event> callback = DockerEngine.get().client().eventsCmd()
                .withSince(timestamp(since))
                .withUntil(timestamp(now))
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter(ACTIONS.toArray(String[]::new))
                .withLabelFilter(Map.of(Labels.TOPOLOGY, instance.instanceId()))
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        toContainerEvent(event).ifPresent(e -> {
                            synchronized (events) {
                                events.add(e);
                            }
                        });
                    }
                })) {
            if (!callback.awaitCompletion(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.debug("Docker did not list the events of instance {} within {} ms; the report shows none", instance.instanceId(), PATIENCE_MILLIS);
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            // No engine any more, or one that refuses: the report is drawn from Flotilla's own records.
            LOG.debug("Could not ask Docker for the events of instance {}", instance.instanceId(), e);
            return Optional.empty();
        }
        synchronized (events) {
            events.sort(Comparator.comparing(ContainerEvent::time));
            return Optional.of(List.copyOf(events));
        }
    }

    private static Optional<ContainerEvent> toContainerEvent(Event event) {
        if (event.getActor() == null || event.getActor().getAttributes() == null) {
            return Optional.empty();
        }
        Map<String, String> attributes = event.getActor().getAttributes();
        String service = attributes.get(Labels.SERVICE);
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        Instant time = event.getTimeNano() != null ? Instant.EPOCH.plusNanos(event.getTimeNano())
                : event.getTime() != null ? Instant.ofEpochSecond(event.getTime()) : null;
        if (service == null || action == null || time == null) {
            return Optional.empty();
        }
        return Optional.of(new ContainerEvent(service, action, time, attributes.getOrDefault("name", "")));
    }

    /** Docker's form of a moment: seconds and nanoseconds since the epoch. */
    private static String timestamp(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
    }
}

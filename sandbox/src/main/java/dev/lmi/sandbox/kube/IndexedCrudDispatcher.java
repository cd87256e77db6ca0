package dev.lmi.sandbox.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fabric8 CRUD dispatcher with stored objects indexed by kind and name.
 *
 * <p>The mock finds the object a POST, PUT or PATCH names by testing every stored object in turn,
 * so each write costs time in proportion to everything stored, Events included: at a thousand
 * functions that scan was a quarter of the benchmark's CPU, spent in the harness rather than the
 * operator. A real API server looks objects up by key. This keeps a second map from (plural, name)
 * to the stored keys, maintained on every change the dispatcher makes, and answers by-name lookups
 * from it; queries without both a plural and a name fall through to the scan. Results are the same:
 * candidates are still checked with {@link AttributeSet#matches}.
 */
public final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {
  private record Name(String plural, String name) {}

  /** Told of each object the API server stores, or deletes (then {@code stored} is null). */
  public interface Observer {
    void changed(String plural, String namespace, String name, GenericKubernetesResource stored);
  }

  private final Map<Name, List<AttributeSet>> byName = new ConcurrentHashMap<>();
  private final List<Observer> observers = new CopyOnWriteArrayList<>();

  /**
   * Observes every change as it is stored, the moment a watch would report it, without a watch: an
   * observer's own watch stream would be one more client the API server serialises to. Closing the
   * returned handle stops it.
   */
  public Observation observe(Observer observer) {
    observers.add(observer);
    return () -> observers.remove(observer);
  }

  /** An observer's registration; closing it stops the observer. */
  public interface Observation extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    var name = nameOf(query, true);
    if (name == null) {
      return super.findResource(query);
    }
    for (var key : byName.getOrDefault(name, List.of())) {
      var value = map.get(key);
      if (value != null && key.matches(query)) {
        return Map.entry(key, value);
      }
    }
    return null;
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (oldAttributes != null) {
      unindex(oldAttributes);
    }
    var key = newState != null ? storedKey(pathAttributes, resource, newState) : null;
    if (key != null) {
      index(key);
    }
    if (!observers.isEmpty()) {
      tell(key != null ? key : oldAttributes, resource, newState);
    }
  }

  private void tell(AttributeSet key, GenericKubernetesResource resource, String newState) {
    var name = key == null ? null : nameOf(key, false);
    if (name == null) {
      return;
    }
    var namespace = single(key.getAttribute(KubernetesAttributesExtractor.NAMESPACE), false);
    var stored =
        newState == null
            ? null
            : resource != null
                ? resource
                : Serialization.unmarshal(newState, GenericKubernetesResource.class);
    observers.forEach(o -> o.changed(name.plural(), namespace, name.name(), stored));
  }

  @Override
  public void reset() {
    super.reset();
    byName.clear();
  }

  /** The key the dispatcher stored the new state under, computed the way it computes it. */
  private AttributeSet storedKey(
      AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
    var extractor = (KubernetesAttributesExtractor) attributeExtractor;
    var key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    return key.containsKey(KubernetesAttributesExtractor.PLURAL)
        ? key
        : AttributeSet.merge(pathAttributes, key);
  }

  private void index(AttributeSet key) {
    var name = nameOf(key, false);
    if (name != null) {
      byName.compute(
          name,
          (n, keys) -> {
            var next = keys == null ? new ArrayList<AttributeSet>(1) : new ArrayList<>(keys);
            next.add(key);
            return List.copyOf(next);
          });
    }
  }

  private void unindex(AttributeSet key) {
    var name = nameOf(key, false);
    if (name != null) {
      byName.computeIfPresent(
          name,
          (n, keys) -> {
            var next = new ArrayList<>(keys);
            next.remove(key);
            return next.isEmpty() ? null : List.copyOf(next);
          });
    }
  }

  /**
   * The (plural, name) a set pins down, or null if it does not: a stored key always has both; a
   * query only narrows to one name when both are plain equality attributes without wildcards.
   */
  private static Name nameOf(AttributeSet set, boolean query) {
    var plural = single(set.getAttribute(KubernetesAttributesExtractor.PLURAL), query);
    var name = single(set.getAttribute(KubernetesAttributesExtractor.NAME), query);
    return plural == null || name == null ? null : new Name(plural, name);
  }

  private static String single(Attribute attribute, boolean query) {
    if (attribute == null || attribute.getValues().size() != 1) {
      return null;
    }
    if (query && attribute.getType() != AttributeType.WITH) {
      return null;
    }
    var value = attribute.getValues().get(0).toString();
    // The mock's Value treats "*" as equal to anything: such a query names no single object.
    return "*".equals(value) ? null : value;
  }
}

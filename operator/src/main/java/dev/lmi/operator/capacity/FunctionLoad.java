package dev.lmi.operator.capacity;

import java.util.List;

/**
 * What one function puts on its capacity provider: the size of its execution environments and every
 * published version it has there (warm or not).
 *
 * @param name the function, for messages (e.g. orders/list-orders)
 */
public record FunctionLoad(String name, int vCpuPerEnvironment, List<ObservedVersion> versions) {
  public FunctionLoad {
    versions = List.copyOf(versions);
  }
}

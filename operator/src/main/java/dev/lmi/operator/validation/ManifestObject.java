package dev.lmi.operator.validation;

import java.util.List;

/**
 * An lmi.dev object as read from a manifest: who it is, its typed form (a CapacityProvider or an
 * LmiFunction; null when it does not bind to the model) and the problems of the object on its own.
 */
public record ManifestObject(
    String kind, String namespace, String name, Object typed, List<Problem> problems) {}

package dev.lmi.operator.api;

import java.util.List;

/** Reads LmiFunctions tolerantly: see {@link TolerantDeserializer}. */
public final class LmiFunctionReader
    extends TolerantDeserializer<LmiFunction, LmiFunctionSpec, LmiFunctionStatus> {
  public LmiFunctionReader() {
    super(
        LmiFunction.class,
        LmiFunction::new,
        LmiFunctionSpec.class,
        LmiFunctionStatus.class,
        // A rollout check this version does not know must not be skipped: the new version would
        // take traffic without it.
        List.of("spec.rollout"));
  }
}

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
        List.of());
  }
}

package dev.lmi.operator.aws;

/** Hands out the gateways of a region; a null region means the operator's default region. */
public interface RegionalGateways {
  Gateways forRegion(String region);

  String defaultRegion();
}

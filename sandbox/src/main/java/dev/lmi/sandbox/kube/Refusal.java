package dev.lmi.sandbox.kube;

import io.fabric8.mockwebserver.http.MockResponse;

/** A request the local API server refuses, with the Status answer a real one would give. */
final class Refusal extends Exception {
  private final transient MockResponse response;

  Refusal(MockResponse response) {
    super(null, null, false, false);
    this.response = response;
  }

  MockResponse response() {
    return response;
  }
}

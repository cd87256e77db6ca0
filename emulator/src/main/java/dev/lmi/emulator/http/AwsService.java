package dev.lmi.emulator.http;

import java.util.Optional;

/** One emulated AWS service: recognises its requests and renders errors in its own protocol. */
public interface AwsService {
  /** The operation this request calls, or empty when the request belongs to another service. */
  Optional<RouteTable.Match> resolve(Request request);

  Response render(ApiException error, String requestId);

  ApiException serverError(String message);

  ApiException throttle();
}

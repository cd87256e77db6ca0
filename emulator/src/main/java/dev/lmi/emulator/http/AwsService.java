package dev.lmi.emulator.http;

import java.util.Optional;

/** One emulated AWS service: recognises its requests and renders errors in its own protocol. */
public interface AwsService {
  /** The largest request body the emulator reads, and what AWS names the operation in its 413. */
  record BodyLimit(long bytes, String operation) {
    /** AWS's request payload quota for synchronous invocations; the emulator's cap elsewhere. */
    public static final long DEFAULT = 6_291_456;
  }

  /** The operation this request calls, or empty when the request belongs to another service. */
  Optional<RouteTable.Match> resolve(Request request);

  /** The SigV4 signing name, used to pick the error shape before a request is fully read. */
  String signingName();

  /** The body cap for a request, decided from its method, path and headers alone. */
  default BodyLimit bodyLimit(Request headersOnly) {
    return new BodyLimit(BodyLimit.DEFAULT, null);
  }

  /** Refuses a body whose Content-Type this operation's protocol does not use. */
  default void checkContentType(RouteTable.Match match) {}

  Response render(ApiException error, String requestId);

  /** Renders an error for this request (services with several protocols answer in its own). */
  default Response render(ApiException error, Request request, String requestId) {
    return render(error, requestId);
  }

  ApiException serverError(String message);

  ApiException throttle();
}

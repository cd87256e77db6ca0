package dev.lmi.operator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Carries capacity-provider members newer than the pinned AWS SDK (PropagateTags, TelemetryConfig:
 * 2026 model updates) in both directions: adds them to a request's JSON and reads them back from
 * the response's CapacityProvider. Only calls that attach an {@link Exchange} are touched.
 */
public final class NewerMembers implements ExecutionInterceptor {
  public static final ExecutionAttribute<Exchange> EXCHANGE = new ExecutionAttribute<>("lmi.newer");
  private static final ExecutionAttribute<byte[]> BODY = new ExecutionAttribute<>("lmi.newerBody");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call's members to send, and the CapacityProvider object AWS answered with. */
  public static final class Exchange {
    private final ObjectNode send;
    private volatile JsonNode received;

    public Exchange(ObjectNode send) {
      this.send = send;
    }

    public static Exchange readOnly() {
      return new Exchange(JSON.createObjectNode());
    }

    /** The response's CapacityProvider object (empty node when absent). */
    public JsonNode received() {
      return received == null ? JSON.createObjectNode() : received;
    }
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  @Override
  public SdkHttpRequest modifyHttpRequest(
      Context.ModifyHttpRequest ctx, ExecutionAttributes attrs) {
    var bytes = rewritten(ctx, attrs);
    if (bytes == null) {
      return ctx.httpRequest();
    }
    return ctx.httpRequest().toBuilder()
        .putHeader("Content-Length", String.valueOf(bytes.length))
        .build();
  }

  @Override
  public Optional<RequestBody> modifyHttpContent(
      Context.ModifyHttpRequest ctx, ExecutionAttributes attrs) {
    var bytes = rewritten(ctx, attrs);
    return bytes == null ? ctx.requestBody() : Optional.of(RequestBody.fromBytes(bytes));
  }

  /**
   * The request JSON with the newer members added, computed once per call: the SDK does not promise
   * which of the two request hooks runs first, and both must agree on the body.
   */
  private static byte[] rewritten(Context.ModifyHttpRequest ctx, ExecutionAttributes attrs) {
    var done = attrs.getAttribute(BODY);
    if (done != null) {
      return done;
    }
    var exchange = attrs.getAttribute(EXCHANGE);
    if (exchange == null || exchange.send.isEmpty() || ctx.requestBody().isEmpty()) {
      return null;
    }
    try (var in = ctx.requestBody().get().contentStreamProvider().newStream()) {
      var body = (ObjectNode) JSON.readTree(in);
      body.setAll(exchange.send);
      var bytes = JSON.writeValueAsBytes(body);
      attrs.putAttribute(BODY, bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse ctx, ExecutionAttributes attrs) {
    var exchange = attrs.getAttribute(EXCHANGE);
    if (exchange == null || ctx.responseBody().isEmpty()) {
      return ctx.responseBody();
    }
    try (var in = ctx.responseBody().get()) {
      var bytes = in.readAllBytes();
      if (ctx.httpResponse().isSuccessful() && bytes.length > 0) {
        exchange.received = JSON.readTree(bytes).path("CapacityProvider");
      }
      return Optional.of(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

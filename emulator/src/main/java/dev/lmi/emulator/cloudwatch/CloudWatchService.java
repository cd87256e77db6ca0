package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.ec2.QueryProtocol;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.AwsService;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import dev.lmi.emulator.http.RouteTable;
import dev.lmi.emulator.model.AwsModel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CloudWatch metrics and metric alarms, in whichever of its three protocols a client speaks. Every
 * request first meets its operation's input shape in the model (ValidationError).
 */
public final class CloudWatchService implements AwsService {
  /** AWS's cap on a PutMetricData request, applied to every CloudWatch request. */
  private static final long BODY_LIMIT = 1_048_576;

  private static final AwsModel MODEL = AwsModel.get();
  private final Map<String, Function<ObjectNode, JsonNode>> operations;

  public CloudWatchService(CloudWatchState state) {
    var metrics = new MetricsApi(state);
    var data = new MetricDataApi(state);
    var statistics = new MetricStatisticsApi(state);
    var alarms = new AlarmsApi(state);
    operations =
        Map.of(
            "PutMetricData", metrics::put,
            "ListMetrics", metrics::list,
            "GetMetricData", data::getMetricData,
            "GetMetricStatistics", statistics::get,
            "PutMetricAlarm", alarms::put,
            "DescribeAlarms", alarms::describe,
            "SetAlarmState", alarms::setState,
            "DeleteAlarms", alarms::delete);
  }

  @Override
  public Optional<RouteTable.Match> resolve(Request request) {
    var protocol = Protocol.of(request);
    if (protocol == null) {
      return Optional.empty();
    }
    var r = protocol == Protocol.QUERY ? QueryProtocol.merged(request) : request;
    var op = protocol.operation(r);
    // Counted under its name only when emulated: a client cannot grow the counters without bound.
    var counted = operations.containsKey(op) ? op : "UnknownOperation";
    return Optional.of(new RouteTable.Match(counted, x -> handle(protocol, op, x), r));
  }

  private Response handle(Protocol protocol, String op, Request r) {
    var handler = operations.get(op);
    if (handler == null) {
      throw protocol == Protocol.QUERY
          ? CloudWatchErrors.of("InvalidAction", "Could not find operation " + op)
          : CloudWatchErrors.of("UnknownOperationException", "Unknown operation " + op);
    }
    var spec = MODEL.operation("cloudwatch", op);
    var inputShape = spec.path("input").asText();
    var input =
        protocol == Protocol.QUERY
            ? QueryWire.decode(r.query(), inputShape)
            : Wire.decode(protocol, r);
    InputShapes.check(input, inputShape);
    var output = handler.apply(input);
    var outputShape = spec.path("output").asText(null);
    return protocol == Protocol.QUERY
        ? QueryXml.encode(op, output, outputShape)
        : Wire.encode(protocol, output, outputShape);
  }

  @Override
  public String signingName() {
    return "monitoring";
  }

  @Override
  public BodyLimit bodyLimit(Request headersOnly) {
    return new BodyLimit(BODY_LIMIT, null);
  }

  /** Each protocol's own body type (a page's form post never gets here: it carries an Origin). */
  @Override
  public void checkContentType(RouteTable.Match match) {
    var r = match.request();
    var protocol = Protocol.of(r);
    var type = r.headers().getOrDefault("Content-Type", "").toLowerCase(Locale.ROOT);
    var expected =
        switch (protocol) {
          case CBOR -> Wire.CBOR_TYPE;
          case JSON -> "application/x-amz-json-1.";
          case QUERY -> "application/x-www-form-urlencoded";
        };
    if (r.body().length > 0 && !type.startsWith(expected)) {
      throw new ApiException(
          415,
          "UnsupportedMediaTypeException",
          "A CloudWatch " + protocol + " request body must be " + expected + " (was " + type + ")");
    }
    if (protocol == Protocol.CBOR && !"rpc-v2-cbor".equals(r.header("smithy-protocol"))) {
      throw CloudWatchErrors.validation(
          "Smithy RPC v2 CBOR requests carry the header smithy-protocol: rpc-v2-cbor");
    }
  }

  @Override
  public Response render(ApiException error, String requestId) {
    return Wire.error(Protocol.CBOR, error);
  }

  @Override
  public Response render(ApiException error, Request request, String requestId) {
    var protocol = Protocol.of(request);
    return protocol == null || protocol == Protocol.QUERY
        ? QueryXml.error(error, requestId)
        : Wire.error(protocol, error);
  }

  @Override
  public ApiException serverError(String message) {
    return CloudWatchErrors.server();
  }

  @Override
  public ApiException throttle() {
    return CloudWatchErrors.throttling();
  }
}

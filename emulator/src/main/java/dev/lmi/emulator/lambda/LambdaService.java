package dev.lmi.emulator.lambda;

import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.AwsService;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import dev.lmi.emulator.http.RouteTable;
import java.util.Optional;

/** The Lambda rest-json API: routes every emulated operation and renders Lambda-style errors. */
public final class LambdaService implements AwsService {
  private static final String CP = "/2025-11-30/capacity-providers";
  private static final String FN = "/2015-03-31/functions";

  private final RouteTable routes = new RouteTable();

  public LambdaService(LambdaState state) {
    this(state, Invocation.Sink.NONE);
  }

  /** The Lambda API whose invocations are reported to {@code invocations} (CloudWatch). */
  public LambdaService(LambdaState state, Invocation.Sink invocations) {
    var publish = new PublishApi(state);
    var cps = new CapacityProviderApi(state);
    providerRoutes(cps, new CapacityProviderLists(state, cps));
    scalingRoutes(new ScalingApi(state, publish.provisioner()));
    functionRoutes(new FunctionApi(state, publish), new FunctionReads(state), new DeleteApi(state));
    routes
        .add("POST", FN + "/{FunctionName}/versions", "PublishVersion", publish::publishVersion)
        .add(
            "POST",
            FN + "/{FunctionName}/invocations",
            "Invoke",
            new InvokeApi(state, publish.provisioner(), invocations)::invoke);
    aliasRoutes(new AliasApi(state));
    tagRoutes(new Tags(state));
  }

  private void providerRoutes(CapacityProviderApi cps, CapacityProviderLists lists) {
    var one = CP + "/{CapacityProviderName}";
    routes
        .add("POST", CP, "CreateCapacityProvider", cps::create)
        .add("GET", CP, "ListCapacityProviders", lists::list)
        .add("GET", one, "GetCapacityProvider", cps::get)
        .add("PUT", one, "UpdateCapacityProvider", cps::update)
        .add("DELETE", one, "DeleteCapacityProvider", cps::delete)
        .add(
            "GET",
            one + "/function-versions",
            "ListFunctionVersionsByCapacityProvider",
            lists::listFunctionVersions);
  }

  private void scalingRoutes(ScalingApi scaling) {
    var path = "/2025-11-30/functions/{FunctionName}/function-scaling-config";
    routes
        .add("PUT", path, "PutFunctionScalingConfig", scaling::put)
        .add("GET", path, "GetFunctionScalingConfig", scaling::get);
  }

  private void functionRoutes(FunctionApi functions, FunctionReads reads, DeleteApi deletes) {
    var one = FN + "/{FunctionName}";
    routes
        .add("POST", FN, "CreateFunction", functions::create)
        .add("GET", FN, "ListFunctions", reads::list)
        .add("GET", one, "GetFunction", reads::get)
        .add("DELETE", one, "DeleteFunction", deletes::delete)
        .add("GET", one + "/configuration", "GetFunctionConfiguration", reads::getConfiguration)
        .add(
            "PUT",
            one + "/configuration",
            "UpdateFunctionConfiguration",
            functions::updateConfiguration)
        .add("PUT", one + "/code", "UpdateFunctionCode", functions::updateCode)
        .add("GET", one + "/versions", "ListVersionsByFunction", deletes::listVersions);
  }

  private void aliasRoutes(AliasApi aliases) {
    var all = FN + "/{FunctionName}/aliases";
    routes
        .add("POST", all, "CreateAlias", aliases::create)
        .add("GET", all, "ListAliases", aliases::list)
        .add("GET", all + "/{Name}", "GetAlias", aliases::get)
        .add("PUT", all + "/{Name}", "UpdateAlias", aliases::update)
        .add("DELETE", all + "/{Name}", "DeleteAlias", aliases::delete);
  }

  private void tagRoutes(Tags tags) {
    var path = "/2017-03-31/tags/{Resource}";
    routes
        .add("POST", path, "TagResource", tags::tag)
        .add("DELETE", path, "UntagResource", tags::untag)
        .add("GET", path, "ListTags", tags::list);
  }

  /** Every operation first meets its input shape in the AWS model. */
  @Override
  public Optional<RouteTable.Match> resolve(Request request) {
    return routes
        .match(request)
        .map(
            m ->
                new RouteTable.Match(
                    m.operation(),
                    r -> {
                      RequestShapes.check(m.operation(), r);
                      return m.handler().handle(r);
                    },
                    m.request()));
  }

  @Override
  public String signingName() {
    return "lambda";
  }

  @Override
  public BodyLimit bodyLimit(Request headersOnly) {
    return LambdaWire.bodyLimit(
        routes.match(headersOnly).map(RouteTable.Match::operation).orElse(null));
  }

  @Override
  public void checkContentType(RouteTable.Match match) {
    LambdaWire.checkContentType(match.operation(), match.request());
  }

  @Override
  public Response render(ApiException e, String requestId) {
    var body = Json.object().put("Type", e.type());
    body.put("message", e.getMessage()).put("Message", e.getMessage());
    e.extraBody().forEach((k, v) -> body.putPOJO(k, v));
    var response = Json.ok(e.status(), body).header("X-Amzn-ErrorType", e.code());
    e.headers().forEach(response::header);
    return response;
  }

  @Override
  public ApiException serverError(String message) {
    return LambdaErrors.service(message);
  }

  @Override
  public ApiException throttle() {
    return LambdaErrors.tooManyRequests("Rate exceeded", "CallerRateLimitExceeded", 1);
  }
}

package dev.lmi.emulator.lambda;

import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.AwsService;
import dev.lmi.emulator.http.Bodies;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import dev.lmi.emulator.http.RouteTable;
import java.util.Optional;

/** The Lambda rest-json API: routes every emulated operation and renders Lambda-style errors. */
public final class LambdaService implements AwsService {
  private static final String CP = "/2025-11-30/capacity-providers";
  private static final String FN = "/2015-03-31/functions";

  /** 50 MB of zip in base64 plus the JSON around it, the figure in AWS's own 413 message. */
  static final long CODE_UPLOAD_LIMIT = 69_905_067;

  private final RouteTable routes = new RouteTable();

  public LambdaService(LambdaState state) {
    var publish = new PublishApi(state);
    var cps = new CapacityProviderApi(state);
    providerRoutes(cps, new CapacityProviderLists(state, cps));
    scalingRoutes(new ScalingApi(state, publish.provisioner()));
    functionRoutes(new FunctionApi(state, publish), new FunctionReads(state), new DeleteApi(state));
    routes
        .add(
            "POST",
            FN + "/{FunctionName}/versions",
            "PublishVersion",
            checked("PublishVersion", publish::publishVersion))
        .add(
            "POST",
            FN + "/{FunctionName}/invocations",
            "Invoke",
            checked("Invoke", new InvokeApi(state, publish.provisioner())::invoke));
    aliasRoutes(new AliasApi(state));
    tagRoutes(new Tags(state));
  }

  private void providerRoutes(CapacityProviderApi cps, CapacityProviderLists lists) {
    var one = CP + "/{CapacityProviderName}";
    routes
        .add("POST", CP, "CreateCapacityProvider", checked("CreateCapacityProvider", cps::create))
        .add("GET", CP, "ListCapacityProviders", checked("ListCapacityProviders", lists::list))
        .add("GET", one, "GetCapacityProvider", checked("GetCapacityProvider", cps::get))
        .add("PUT", one, "UpdateCapacityProvider", checked("UpdateCapacityProvider", cps::update))
        .add(
            "DELETE", one, "DeleteCapacityProvider", checked("DeleteCapacityProvider", cps::delete))
        .add(
            "GET",
            one + "/function-versions",
            "ListFunctionVersionsByCapacityProvider",
            checked("ListFunctionVersionsByCapacityProvider", lists::listFunctionVersions));
  }

  private void scalingRoutes(ScalingApi scaling) {
    var path = "/2025-11-30/functions/{FunctionName}/function-scaling-config";
    routes
        .add(
            "PUT",
            path,
            "PutFunctionScalingConfig",
            checked("PutFunctionScalingConfig", scaling::put))
        .add(
            "GET",
            path,
            "GetFunctionScalingConfig",
            checked("GetFunctionScalingConfig", scaling::get));
  }

  private void functionRoutes(FunctionApi functions, FunctionReads reads, DeleteApi deletes) {
    var one = FN + "/{FunctionName}";
    routes
        .add("POST", FN, "CreateFunction", checked("CreateFunction", functions::create))
        .add("GET", FN, "ListFunctions", checked("ListFunctions", reads::list))
        .add("GET", one, "GetFunction", checked("GetFunction", reads::get))
        .add("DELETE", one, "DeleteFunction", checked("DeleteFunction", deletes::delete))
        .add(
            "GET",
            one + "/configuration",
            "GetFunctionConfiguration",
            checked("GetFunctionConfiguration", reads::getConfiguration))
        .add(
            "PUT",
            one + "/configuration",
            "UpdateFunctionConfiguration",
            checked("UpdateFunctionConfiguration", functions::updateConfiguration))
        .add(
            "PUT",
            one + "/code",
            "UpdateFunctionCode",
            checked("UpdateFunctionCode", functions::updateCode))
        .add(
            "GET",
            one + "/versions",
            "ListVersionsByFunction",
            checked("ListVersionsByFunction", deletes::listVersions));
  }

  private void aliasRoutes(AliasApi aliases) {
    var all = FN + "/{FunctionName}/aliases";
    routes
        .add("POST", all, "CreateAlias", checked("CreateAlias", aliases::create))
        .add("GET", all, "ListAliases", checked("ListAliases", aliases::list))
        .add("GET", all + "/{Name}", "GetAlias", checked("GetAlias", aliases::get))
        .add("PUT", all + "/{Name}", "UpdateAlias", checked("UpdateAlias", aliases::update))
        .add("DELETE", all + "/{Name}", "DeleteAlias", checked("DeleteAlias", aliases::delete));
  }

  private void tagRoutes(Tags tags) {
    var path = "/2017-03-31/tags/{Resource}";
    routes
        .add("POST", path, "TagResource", checked("TagResource", tags::tag))
        .add("DELETE", path, "UntagResource", checked("UntagResource", tags::untag))
        .add("GET", path, "ListTags", checked("ListTags", tags::list));
  }

  /** Every operation first meets its input shape in the AWS model. */
  private static RouteTable.Handler checked(String operation, RouteTable.Handler handler) {
    return r -> {
      RequestShapes.check(operation, r);
      return handler.handle(r);
    };
  }

  @Override
  public Optional<RouteTable.Match> resolve(Request request) {
    return routes.match(request);
  }

  @Override
  public String signingName() {
    return "lambda";
  }

  /** AWS's quotas: a 50 MB zip uploaded in the request (base64), a 6 MB invoke payload. */
  @Override
  public BodyLimit bodyLimit(Request headersOnly) {
    var op = routes.match(headersOnly).map(RouteTable.Match::operation).orElse(null);
    if ("CreateFunction".equals(op) || "UpdateFunctionCode".equals(op)) {
      return new BodyLimit(CODE_UPLOAD_LIMIT, op);
    }
    return new BodyLimit(BodyLimit.DEFAULT, "Invoke".equals(op) ? "InvokeFunction" : op);
  }

  /**
   * JSON operations take JSON bodies only; Invoke's payload may also come untyped (boto3 sends no
   * Content-Type) or as octet-stream. The types a page can send without a preflight never pass.
   */
  @Override
  public void checkContentType(RouteTable.Match match) {
    var request = match.request();
    var type = request.header("Content-Type");
    if (request.body().length == 0 || Bodies.isJson(type)) {
      return;
    }
    if (!match.operation().equals("Invoke")) {
      throw new ApiException(
          415,
          "UnsupportedMediaTypeException",
          "The request body of "
              + match.operation()
              + " must be JSON (Content-Type: "
              + type
              + ")");
    }
    if (type != null
        && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/octet-stream")) {
      throw new ApiException(
          415,
          "UnsupportedMediaTypeException",
          "The content type of the Invoke request body is not JSON.");
    }
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

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
    var cps = new CapacityProviderApi(state);
    var cpLists = new CapacityProviderLists(state, cps);
    var publish = new PublishApi(state);
    var functions = new FunctionApi(state, publish);
    var deletes = new DeleteApi(state);
    var reads = new FunctionReads(state);
    var aliases = new AliasApi(state);
    var scaling = new ScalingApi(state, publish.provisioner());
    var invoke = new InvokeApi(state, publish.provisioner());
    var tags = new Tags(state);
    var scalingPath = "/2025-11-30/functions/{FunctionName}/function-scaling-config";
    routes
        .add("POST", CP, "CreateCapacityProvider", cps::create)
        .add("GET", CP, "ListCapacityProviders", cpLists::list)
        .add("GET", CP + "/{CapacityProviderName}", "GetCapacityProvider", cps::get)
        .add("PUT", CP + "/{CapacityProviderName}", "UpdateCapacityProvider", cps::update)
        .add("DELETE", CP + "/{CapacityProviderName}", "DeleteCapacityProvider", cps::delete)
        .add(
            "GET",
            CP + "/{CapacityProviderName}/function-versions",
            "ListFunctionVersionsByCapacityProvider",
            cpLists::listFunctionVersions)
        .add("PUT", scalingPath, "PutFunctionScalingConfig", scaling::put)
        .add("GET", scalingPath, "GetFunctionScalingConfig", scaling::get)
        .add("POST", FN, "CreateFunction", functions::create)
        .add("GET", FN, "ListFunctions", reads::list)
        .add("GET", FN + "/{FunctionName}", "GetFunction", reads::get)
        .add("DELETE", FN + "/{FunctionName}", "DeleteFunction", deletes::delete)
        .add(
            "GET",
            FN + "/{FunctionName}/configuration",
            "GetFunctionConfiguration",
            reads::getConfiguration)
        .add(
            "PUT",
            FN + "/{FunctionName}/configuration",
            "UpdateFunctionConfiguration",
            functions::updateConfiguration)
        .add("PUT", FN + "/{FunctionName}/code", "UpdateFunctionCode", functions::updateCode)
        .add("POST", FN + "/{FunctionName}/versions", "PublishVersion", publish::publishVersion)
        .add(
            "GET", FN + "/{FunctionName}/versions", "ListVersionsByFunction", deletes::listVersions)
        .add("POST", FN + "/{FunctionName}/aliases", "CreateAlias", aliases::create)
        .add("GET", FN + "/{FunctionName}/aliases", "ListAliases", aliases::list)
        .add("GET", FN + "/{FunctionName}/aliases/{Name}", "GetAlias", aliases::get)
        .add("PUT", FN + "/{FunctionName}/aliases/{Name}", "UpdateAlias", aliases::update)
        .add("DELETE", FN + "/{FunctionName}/aliases/{Name}", "DeleteAlias", aliases::delete)
        .add("POST", FN + "/{FunctionName}/invocations", "Invoke", invoke::invoke)
        .add("POST", "/2017-03-31/tags/{Resource}", "TagResource", tags::tag)
        .add("DELETE", "/2017-03-31/tags/{Resource}", "UntagResource", tags::untag)
        .add("GET", "/2017-03-31/tags/{Resource}", "ListTags", tags::list);
  }

  @Override
  public Optional<RouteTable.Match> resolve(Request request) {
    return routes.match(request);
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

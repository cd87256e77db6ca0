package dev.lmi.emulator.ec2;

import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.AwsService;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import dev.lmi.emulator.http.RouteTable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** EC2 over the query protocol: form-encoded Action=..., XML responses and errors. */
public final class Ec2Service implements AwsService {
  static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
  private final Map<String, Function<QueryParams, String>> actions;

  public Ec2Service(Ec2State state) {
    var describe = new Ec2Describe(state);
    var routing = new Ec2Routing(state);
    var groups = new Ec2GroupsAndZones(state);
    var endpoints = new Ec2Endpoints(state);
    var factory = new EndpointFactory(state, endpoints);
    actions =
        Map.of(
            "DescribeVpcs", describe::vpcs,
            "DescribeSubnets", describe::subnets,
            "DescribeSecurityGroups", groups::securityGroups,
            "DescribeAvailabilityZones", groups::availabilityZones,
            "DescribeRouteTables", routing::routeTables,
            "DescribeVpcEndpoints", endpoints::describe,
            "CreateVpcEndpoint", factory::create,
            "DeleteVpcEndpoints", endpoints::delete);
  }

  @Override
  public Optional<RouteTable.Match> resolve(Request request) {
    var withForm = QueryProtocol.merged(request);
    var action = withForm.query().get("Action");
    var service = request.signingService();
    if (action == null
        || !(service.equals("ec2") || service.isEmpty() && actions.containsKey(action))) {
      return Optional.empty();
    }
    var handler = actions.get(action);
    if (handler == null) {
      return Optional.of(
          new RouteTable.Match(
              action,
              r -> {
                throw new ApiException(
                    400,
                    "InvalidAction",
                    "The action " + action + " is not valid for this web service.");
              },
              withForm));
    }
    return Optional.of(new RouteTable.Match(action, r -> handle(action, handler, r), withForm));
  }

  /** Model checks first, then a DryRun stops before anything is looked up or changed. */
  private static Response handle(String action, Function<QueryParams, String> handler, Request r) {
    var q = new QueryParams(r.query());
    Ec2Validation.check(action, q);
    Ec2Validation.dryRun(q);
    return respond(action, handler.apply(q));
  }

  private static Response respond(String action, String inner) {
    var body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"
            + action
            + "Response xmlns=\""
            + NS
            + "\">"
            + "<requestId>"
            + java.util.UUID.randomUUID()
            + "</requestId>"
            + inner
            + "</"
            + action
            + "Response>";
    return Response.xml(200, body);
  }

  @Override
  public String signingName() {
    return "ec2";
  }

  @Override
  public Response render(ApiException e, String requestId) {
    var body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
            + Xml.escape(e.code())
            + "</Code><Message>"
            + Xml.escape(e.getMessage())
            + "</Message></Error></Errors><RequestID>"
            + requestId
            + "</RequestID></Response>";
    return Response.xml(e.status(), body);
  }

  @Override
  public ApiException serverError(String message) {
    return new ApiException(500, "InternalError", "An internal error has occurred");
  }

  @Override
  public ApiException throttle() {
    return new ApiException(503, "RequestLimitExceeded", "Request limit exceeded.");
  }
}

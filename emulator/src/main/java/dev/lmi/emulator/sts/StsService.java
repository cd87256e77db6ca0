package dev.lmi.emulator.sts;

import dev.lmi.emulator.ec2.QueryProtocol;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.AwsService;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import dev.lmi.emulator.http.RouteTable;
import java.util.Optional;

/** STS GetCallerIdentity (query protocol, XML): who the emulator thinks the caller is. */
public final class StsService implements AwsService {
  private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";
  private final String accountId;

  public StsService(String accountId) {
    this.accountId = accountId;
  }

  @Override
  public Optional<RouteTable.Match> resolve(Request request) {
    var withForm = QueryProtocol.merged(request);
    var action = withForm.query().get("Action");
    var service = request.signingService();
    var mine = service.equals("sts") || service.isEmpty() && "GetCallerIdentity".equals(action);
    if (action == null || !mine) {
      return Optional.empty();
    }
    if (!action.equals("GetCallerIdentity")) {
      return Optional.of(
          new RouteTable.Match(
              action,
              r -> {
                throw new ApiException(400, "InvalidAction", "Could not find operation " + action);
              },
              withForm));
    }
    return Optional.of(new RouteTable.Match(action, r -> callerIdentity(), withForm));
  }

  private Response callerIdentity() {
    var body =
        "<GetCallerIdentityResponse xmlns=\""
            + NS
            + "\"><GetCallerIdentityResult><Arn>arn:aws:iam::"
            + accountId
            + ":user/lmi-emulator</Arn><UserId>AIDAEMULATOR0000000001</UserId><Account>"
            + accountId
            + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>"
            + java.util.UUID.randomUUID()
            + "</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
    return Response.xml(200, body);
  }

  @Override
  public String signingName() {
    return "sts";
  }

  @Override
  public Response render(ApiException e, String requestId) {
    var type = e.status() >= 500 ? "Receiver" : "Sender";
    var body =
        "<ErrorResponse xmlns=\""
            + NS
            + "\"><Error><Type>"
            + type
            + "</Type><Code>"
            + e.code()
            + "</Code><Message>"
            + e.getMessage()
            + "</Message></Error><RequestId>"
            + requestId
            + "</RequestId></ErrorResponse>";
    return Response.xml(e.status(), body);
  }

  @Override
  public ApiException serverError(String message) {
    return new ApiException(500, "InternalFailure", "An internal error occurred");
  }

  @Override
  public ApiException throttle() {
    return new ApiException(400, "Throttling", "Rate exceeded");
  }
}

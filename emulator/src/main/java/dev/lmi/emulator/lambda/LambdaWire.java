package dev.lmi.emulator.lambda;

import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.AwsService.BodyLimit;
import dev.lmi.emulator.http.Bodies;
import dev.lmi.emulator.http.Request;
import java.util.Locale;

/** What the Lambda wire accepts before an operation runs: body sizes and content types. */
final class LambdaWire {
  /** 50 MB of zip in base64 plus the JSON around it, the figure in AWS's own 413 message. */
  static final long CODE_UPLOAD_LIMIT = 69_905_067;

  private LambdaWire() {}

  /** AWS's quotas: a 50 MB zip uploaded in the request, a 6 MB invoke payload. */
  static BodyLimit bodyLimit(String operation) {
    if ("CreateFunction".equals(operation) || "UpdateFunctionCode".equals(operation)) {
      return new BodyLimit(CODE_UPLOAD_LIMIT, operation);
    }
    return new BodyLimit(
        BodyLimit.DEFAULT, "Invoke".equals(operation) ? "InvokeFunction" : operation);
  }

  /**
   * JSON operations take JSON bodies only; Invoke's payload may also come untyped (boto3 sends no
   * Content-Type) or as octet-stream. The types a page can send without a preflight never pass.
   */
  static void checkContentType(String operation, Request request) {
    var type = request.header("Content-Type");
    if (request.body().length == 0 || Bodies.isJson(type)) {
      return;
    }
    if (!operation.equals("Invoke")) {
      throw new ApiException(
          415,
          "UnsupportedMediaTypeException",
          "The request body of " + operation + " must be JSON (Content-Type: " + type + ")");
    }
    if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
      throw new ApiException(
          415,
          "UnsupportedMediaTypeException",
          "The content type of the Invoke request body is not JSON.");
    }
  }
}

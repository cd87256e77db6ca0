package dev.lmi.emulator.cloudwatch;

import dev.lmi.emulator.ec2.QueryProtocol;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.model.AwsModel;

/**
 * The three wire protocols CloudWatch's model lists, in the order SDKs prefer them: Smithy RPC v2
 * CBOR (the AWS SDK for Java v2 2.42 and botocore 1.43), AWS JSON 1.0 and the older AWS Query.
 */
enum Protocol {
  CBOR,
  JSON,
  QUERY;

  static final String TARGET = AwsModel.get().metadata("cloudwatch", "targetPrefix");
  static final String CBOR_PATH = "/service/" + TARGET + "/operation/";
  private static final String API_VERSION = AwsModel.get().metadata("cloudwatch", "apiVersion");

  /** The protocol a request speaks, or null when it is not a CloudWatch request. */
  static Protocol of(Request r) {
    if (r.rawPath().startsWith(CBOR_PATH)) {
      return CBOR;
    }
    var target = r.header("X-Amz-Target");
    if (target != null) {
      return target.startsWith(TARGET + ".") ? JSON : null;
    }
    var signedFor = r.signingService();
    if (signedFor.equals("monitoring")) {
      return QUERY;
    }
    var form = QueryProtocol.merged(r).query();
    var unsigned = signedFor.isEmpty() && API_VERSION.equals(form.get("Version"));
    return unsigned && AwsModel.get().operations("cloudwatch").has(form.get("Action"))
        ? QUERY
        : null;
  }

  /** The operation a request names (path, target header or Action), or "" when it names none. */
  String operation(Request r) {
    return switch (this) {
      case CBOR -> r.rawPath().substring(CBOR_PATH.length());
      case JSON -> r.header("X-Amz-Target").substring(TARGET.length() + 1);
      case QUERY -> r.query().getOrDefault("Action", "");
    };
  }
}

package dev.lmi.emulator.lambda;

import dev.lmi.emulator.http.Request;

/** Parses and range-checks the MaxItems query parameter. */
final class ListParams {
  private ListParams() {}

  static Integer maxItems(Request r, int max) {
    var raw = r.query().get("MaxItems");
    if (raw == null) {
      return null;
    }
    var v = new Validator();
    try {
      var value = Integer.parseInt(raw);
      v.range(value, "maxItems", 1, max);
      v.throwIfInvalid();
      return value;
    } catch (NumberFormatException e) {
      throw LambdaErrors.validation(
          "1 validation error detected: Value '"
              + raw
              + "' at 'maxItems' failed to satisfy"
              + " constraint: Member must be a number");
    }
  }
}

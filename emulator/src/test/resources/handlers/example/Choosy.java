package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Fails every call when its environment says so: a bad release of otherwise good code. */
public class Choosy implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    if ("true".equals(System.getProperty("lmi.env.BROKEN"))) {
      throw new IllegalStateException("release " + context.getFunctionVersion() + " is broken");
    }
    return Map.of("version", context.getFunctionVersion());
  }
}

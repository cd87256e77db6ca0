package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

public class MapHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    if (input.containsKey("fail")) {
      throw new IllegalStateException("asked to fail");
    }
    return Map.of("seen", input.get("name"), "function", context.getFunctionName());
  }
}

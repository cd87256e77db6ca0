package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

public class EchoHandler implements RequestStreamHandler {
  private static final AtomicInteger INITS = new AtomicInteger();
  private final String greetingAtInit = System.getProperty("lmi.env.GREETING");
  private final int inits = INITS.incrementAndGet();

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws java.io.IOException {
    var input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    if (input.contains("sleep")) {
      try {
        Thread.sleep(input.contains("long") ? 1500 : 600);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    var json = "{\"greeting\":\"" + System.getProperty("lmi.env.GREETING") + "\",\"atInit\":\"" + greetingAtInit
        + "\",\"inits\":" + inits + ",\"version\":\"" + context.getFunctionVersion() + "\",\"input\":" + input + "}";
    out.write(json.getBytes(StandardCharsets.UTF_8));
  }
}

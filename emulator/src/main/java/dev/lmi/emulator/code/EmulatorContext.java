package dev.lmi.emulator.code;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The Lambda {@link Context} handed to handlers; logs go to the emulator's stdout. */
record EmulatorContext(FunctionSpec spec, String requestId, String invokedArn, long deadline)
    implements Context {

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + spec.functionName();
  }

  @Override
  public String getLogStreamName() {
    return "emulator/" + spec.version();
  }

  @Override
  public String getFunctionName() {
    return spec.functionName();
  }

  @Override
  public String getFunctionVersion() {
    return spec.version();
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return spec.memoryMb();
  }

  @Override
  public LambdaLogger getLogger() {
    var prefix = "[" + spec.functionName() + ":" + spec.version() + "] ";
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.out.println(prefix + message);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}

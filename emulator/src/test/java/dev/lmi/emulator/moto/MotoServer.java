package dev.lmi.emulator.moto;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** A moto_server child process on a free loopback port, for differential tests. */
final class MotoServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** True when python3 can import moto (so the server can start). */
  static boolean available() {
    try {
      var p =
          new ProcessBuilder("python3", "-c", "import moto.server")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static MotoServer start() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var process =
        new ProcessBuilder(
                "python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    var server = new MotoServer(process, port);
    var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!server.reachable()) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        server.close();
        throw new IllegalStateException("moto_server did not start on port " + port);
      }
      Thread.sleep(100);
    }
    return server;
  }

  private boolean reachable() {
    try (var ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** moto checks that a function's role exists in its IAM; create one over the query protocol. */
  void createRole(String name) throws Exception {
    var policy =
        java.net.URLEncoder.encode("{\"Version\":\"2012-10-17\",\"Statement\":[]}", "UTF-8");
    var body =
        "Action=CreateRole&Version=2010-05-08&RoleName="
            + name
            + "&AssumeRolePolicyDocument="
            + policy;
    var request =
        HttpRequest.newBuilder(endpoint())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("CreateRole on moto failed: " + response.body());
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

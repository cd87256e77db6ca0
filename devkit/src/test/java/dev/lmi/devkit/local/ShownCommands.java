package dev.lmi.devkit.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local mode's screen in a test: it collects the shell commands printed for the user (kubectl,
 * aws) and, when the run says "All Ready" (the servers are still up), runs each as copied, with a
 * shell, in an environment without AWS settings. Commands whose tool is not installed are skipped.
 */
final class ShownCommands extends PrintStream {
  /** What one command printed and returned. */
  record Result(int exit, String output) {}

  private final List<String> commands = new ArrayList<>();
  private final Map<String, Result> results = new LinkedHashMap<>();

  ShownCommands(OutputStream out) {
    super(out, true, StandardCharsets.UTF_8);
  }

  @Override
  public void print(String text) {
    super.print(text);
    text.lines()
        .map(String::strip)
        .filter(l -> l.startsWith("kubectl ") || l.startsWith("AWS_CONFIG_FILE="))
        .forEach(commands::add);
  }

  @Override
  public void println(String text) {
    print(text + "\n");
    if (text.contains("All Ready")) {
      for (var command : commands) {
        var result = run(command);
        if (result != null) {
          results.put(command, result);
        }
      }
    }
  }

  /** The result of the command containing part, or null when none ran. */
  Result result(String part) {
    return results.entrySet().stream()
        .filter(e -> e.getKey().contains(part))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static Result run(String command) {
    var tool = command.startsWith("kubectl") ? "kubectl" : "aws";
    try {
      if (new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() != 0) {
        return null;
      }
      var builder = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
      builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
      var process = builder.start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(60, TimeUnit.SECONDS)
          ? new Result(process.exitValue(), output)
          : new Result(-1, output);
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, e.toString());
    }
  }
}

package dev.lmi.devkit.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the local mode in a child JVM whose {@code java.io.tmpdir} is the run's work directory, so
 * everything it and its libraries write there (code copies, native libraries, models) goes when the
 * work directory goes: when the child ends, however it ends, and on Ctrl-C or SIGTERM of this
 * process. Only a kill -9 of this process leaves it, for the next run's sweep.
 */
final class ChildJvm {
  /** Set in the child: the work directory its parent made and will remove. */
  static final String WORK_DIR_PROPERTY = "lmi.local.workDir";

  private static final long STOP_GRACE_SECONDS = 30;

  private ChildJvm() {}

  /** The work directory this JVM was started in by a parent, if it was. */
  static WorkDir inherited() {
    var dir = System.getProperty(WORK_DIR_PROPERTY);
    return dir == null ? null : new WorkDir(Path.of(dir));
  }

  /** Sweeps killed runs, runs the child with these arguments, removes the work directory. */
  static int run(List<String> args) throws IOException, InterruptedException {
    var temp = Path.of(System.getProperty("java.io.tmpdir"));
    WorkDir.sweep(temp);
    var work = WorkDir.create(temp);
    Files.createDirectories(work.tmp());
    Process process;
    try {
      process =
          new ProcessBuilder(
                  command(work, jvmOptions(), System.getProperty("java.class.path"), args))
              .inheritIO()
              .start();
    } catch (IOException e) {
      work.delete();
      throw e;
    }
    var hook = new Thread(() -> stop(process, work), "lmi-local-parent");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return process.waitFor();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
        work.delete();
      } catch (IllegalStateException e) {
        // Shutting down: the hook waits for the child and removes the directory.
      }
    }
  }

  /** The child's command line: this JVM's options, its own temp directory, the same arguments. */
  static List<String> command(
      WorkDir work, List<String> jvmOptions, String classPath, List<String> args) {
    var command = new ArrayList<String>();
    command.add(javaExecutable());
    jvmOptions.stream()
        .filter(o -> !o.startsWith("-Djava.io.tmpdir=") && !o.startsWith("-D" + WORK_DIR_PROPERTY))
        .filter(o -> !quietJvm(Runtime.version().feature()).contains(o))
        .forEach(command::add);
    command.addAll(quietJvm(Runtime.version().feature()));
    command.add("-Djava.io.tmpdir=" + work.tmp());
    command.add("-D" + WORK_DIR_PROPERTY + "=" + work.path());
    command.addAll(List.of("-cp", classPath, dev.lmi.devkit.Main.class.getName()));
    command.addAll(args);
    return command;
  }

  /**
   * The JVM flags that stop the JVM's own warnings, which it writes to the terminal whatever
   * System.err is: native libraries (SQLite, ONNX Runtime) load from the class path, as the jar's
   * manifest allows for java -jar; and protobuf (under CEL) still reads through sun.misc.Unsafe,
   * which Java 24+ warns about unless allowed (the flag exists from Java 23).
   */
  static List<String> quietJvm(int javaVersion) {
    var flags = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
    if (javaVersion >= 23) {
      flags.add("--sun-misc-unsafe-memory-access=allow");
    }
    return flags;
  }

  /** Ctrl-C reached the child too; SIGTERM did not: either way, wait for it, then clean up. */
  private static void stop(Process process, WorkDir work) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    work.delete();
  }

  private static List<String> jvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments();
  }

  static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}

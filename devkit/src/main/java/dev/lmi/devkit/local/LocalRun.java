package dev.lmi.devkit.local;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

/** The local mode inside the child JVM that {@link ChildJvm} started in its work directory. */
final class LocalRun {
  private LocalRun() {}

  static int inChild(LocalCommand command, WorkDir work) throws IOException, InterruptedException {
    work.addOwner(ProcessHandle.current());
    // The parent removes the work directory when this JVM ends; if the parent is killed, stop.
    ProcessHandle.current()
        .parent()
        .ifPresent(p -> p.onExit().thenRun(() -> System.exit(LocalMode.FAILED)));
    // Netty (the Kubernetes API's server) then leaves sun.misc.Unsafe alone, and the JVM quiet.
    if (System.getProperty("io.netty.noUnsafe") == null) {
      System.setProperty("io.netty.noUnsafe", "true");
    }
    var state = StateDir.take(command.preferredStateDir(), work);
    try {
      var config = command.config(work, state);
      Files.deleteIfExists(config.log());
      var screen = LocalLogs.redirectTo(config.log(), command.logLevel.toLowerCase(Locale.ROOT));
      try {
        return new LocalMode(config, screen.out(), LiveTable.redrawsHere()).run();
      } catch (RuntimeException e) {
        screen.err().println("local mode: " + e.getMessage() + " (details: " + config.log() + ")");
        e.printStackTrace();
        return LocalMode.FAILED;
      }
    } finally {
      StateDir.release(state);
    }
  }
}

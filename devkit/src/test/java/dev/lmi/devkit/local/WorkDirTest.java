package dev.lmi.devkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirTest {
  @TempDir Path temp;

  @Test
  void aDirectoryWhoseOwnersAreAllGoneIsStale() throws IOException {
    var killed = run("lmi-local-1", "101\n102\n");
    var running = run("lmi-local-2", "201\n202\n");

    var stale = WorkDir.stale(temp, Set.of(202L)::contains);

    assertThat(stale).extracting(WorkDir::path).containsExactly(killed);
    assertThat(running).exists();
  }

  @Test
  void aDirectoryOfAnEarlierVersionIsJudgedByThePidOfItsInfoFile() throws IOException {
    var old = Files.createDirectory(temp.resolve("lmi-local-9"));
    Files.writeString(old.resolve("local-info.json"), "{\"pid\": 4242}");

    assertThat(WorkDir.stale(temp, pid -> false)).extracting(WorkDir::path).containsExactly(old);
    assertThat(WorkDir.stale(temp, pid -> pid == 4242)).isEmpty();
  }

  @Test
  void leavesDirectoriesItCannotJudgeAndOthersThatAreNotRunDirectories() throws IOException {
    Files.createDirectory(temp.resolve("lmi-local-no-owner"));
    run("lmi-local-garbled", "not a pid\n");
    run("lmi-emulator-code-1", "101\n");

    assertThat(WorkDir.stale(temp, pid -> false)).isEmpty();
  }

  @Test
  void sweepRemovesStaleDirectoriesWithEverythingInThem() throws IOException {
    var killed = run("lmi-local-3", Long.MAX_VALUE + "\n");
    Files.createDirectories(killed.resolve("tmp/lmi-emulator-code1"));
    Files.write(killed.resolve("tmp/lmi-emulator-code1/code.jar"), new byte[1024]);

    assertThat(WorkDir.sweep(temp)).isEqualTo(1);
    assertThat(killed).doesNotExist();
  }

  @Test
  void aNewDirectoryIsOwnedByThisProcessAndNeverStaleWhileItRuns() {
    var dir = WorkDir.create(temp);

    assertThat(WorkDir.owners(dir.path())).containsExactly(ProcessHandle.current().pid());
    assertThat(WorkDir.sweep(temp)).isZero();
    dir.delete();
    assertThat(dir.path()).doesNotExist();
  }

  private Path run(String name, String owners) throws IOException {
    var dir = Files.createDirectory(temp.resolve(name));
    Files.writeString(dir.resolve(WorkDir.OWNERS), owners);
    return dir;
  }
}

package dev.lmi.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** `--version`: the version the build wrote into version.properties, and the Java runtime. */
public final class BuildVersion implements IVersionProvider {

  /** The project version this jar was built as, e.g. 0.1.0 or 0.2.0-SNAPSHOT. */
  public static String version() {
    try (var in = BuildVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      var props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "lmi-operator " + version(),
      "Java "
          + System.getProperty("java.runtime.version")
          + " ("
          + System.getProperty("java.vendor")
          + "), "
          + System.getProperty("os.name")
          + " "
          + System.getProperty("os.arch")
    };
  }
}

package dev.lmi.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The project version the build wrote into a jar ({@code version.properties} beside a class, a
 * filtered resource), so --version and the image tag name the same release.
 */
public final class ProjectVersion implements IVersionProvider {

  /** The version stamped next to the given class, or "unknown" when it was not built by Maven. */
  public static String of(Class<?> anchor) {
    try (var in = anchor.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version of " + anchor.getName(), e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "lmi-operator " + of(ProjectVersion.class),
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

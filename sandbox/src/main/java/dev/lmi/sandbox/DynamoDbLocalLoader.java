package dev.lmi.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;

/**
 * Loads DynamoDB Local with the ANTLR runtime its grammar was generated with (4.10.1), while the
 * rest of the JVM keeps the one CEL's parser needs (4.13.2): each library runs on the runtime it
 * was built for, and neither prints ANTLR's version-mismatch warning. DynamoDB Local's own classes
 * and ANTLR come from here; everything else (Jetty, Jackson, the SDK, sqlite4java) from the parent.
 */
final class DynamoDbLocalLoader extends ClassLoader {
  static final String ANTLR_JAR = "/dynamodb-local/antlr4-runtime.jar";
  private static final String ANTLR = "org.antlr.v4.runtime.";
  private static final List<String> OWN =
      List.of("com.amazonaws.services.dynamodbv2.", "com.amazon.dynamodb.");

  /** One per JVM: a native library (SQLite) binds to the first class loader that loads it. */
  static final DynamoDbLocalLoader INSTANCE = new DynamoDbLocalLoader();

  private final Map<String, byte[]> antlr;

  private DynamoDbLocalLoader() {
    super("dynamodb-local", DynamoDbLocalLoader.class.getClassLoader());
    this.antlr = antlrClasses();
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    var own = name.startsWith(ANTLR) || OWN.stream().anyMatch(name::startsWith);
    if (!own) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      var loaded = findLoadedClass(name);
      if (loaded == null) {
        var bytes = name.startsWith(ANTLR) ? antlr.get(name) : fromParent(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        loaded = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private byte[] fromParent(String name) {
    try (var in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static Map<String, byte[]> antlrClasses() {
    InputStream resource = DynamoDbLocalLoader.class.getResourceAsStream(ANTLR_JAR);
    if (resource == null) {
      throw new IllegalStateException("missing classpath resource " + ANTLR_JAR);
    }
    var classes = new HashMap<String, byte[]>();
    try (var jar = new JarInputStream(resource)) {
      for (var entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        var path = entry.getName();
        if (path.endsWith(".class") && !path.startsWith("META-INF/")) {
          classes.put(path.substring(0, path.length() - 6).replace('/', '.'), jar.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ANTLR_JAR, e);
    }
    return classes;
  }
}

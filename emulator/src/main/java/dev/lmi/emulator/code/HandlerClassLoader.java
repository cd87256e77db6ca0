package dev.lmi.emulator.code;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Child-first loader for one execution environment. Only the Lambda core types the emulator itself
 * has ({@code com.amazonaws.services.lambda.runtime.*}) come from the emulator, so that {@code
 * Context} and the handler interfaces are the same classes on both sides.
 */
final class HandlerClassLoader extends URLClassLoader {
  private static final String SHARED = "com.amazonaws.services.lambda.runtime.";
  private final ClassLoader emulator = HandlerClassLoader.class.getClassLoader();

  HandlerClassLoader(Path jar) throws MalformedURLException {
    super("lmi-ee", new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(SHARED)) {
      try {
        return emulator.loadClass(name);
      } catch (ClassNotFoundException e) {
        // e.g. runtime.events.* is bundled by the handler jar, not by the emulator
      }
    }
    return super.loadClass(name, resolve);
  }
}

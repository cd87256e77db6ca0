package dev.lmi.handler.similarity;

/** Picks the fastest kernel the running JVM supports, once. */
public final class DotKernels {

  private static final DotKernel BEST = choose();

  private DotKernels() {}

  public static DotKernel best() {
    return BEST;
  }

  /** Whether {@link #best()} is SIMD; only then does the int8 first pass beat a float32 scan. */
  public static boolean simd() {
    return !(BEST instanceof ScalarDotKernel);
  }

  public static DotKernel scalar() {
    return new ScalarDotKernel();
  }

  /** True when the JVM was started with {@code --add-modules jdk.incubator.vector}. */
  public static boolean vectorApiAvailable() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  private static DotKernel choose() {
    if (!vectorApiAvailable() || Boolean.getBoolean("lmi.similarity.scalar")) {
      return scalar();
    }
    try {
      return (DotKernel)
          Class.forName("dev.lmi.handler.similarity.VectorDotKernel")
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return scalar();
    }
  }
}

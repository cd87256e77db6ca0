package example;

public class Hog {
  private static volatile byte[] sink;

  public Hog() {
    // 3 GiB in total, never retained: more than a 2048 MB function may allocate during init.
    for (var i = 0; i < 3 * 1024; i++) {
      sink = new byte[1024 * 1024];
    }
  }

  public String handleRequest(String input) {
    return input;
  }
}

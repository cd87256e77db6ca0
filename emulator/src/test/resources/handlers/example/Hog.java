package example;

public class Hog {
  private static volatile byte[] sink;

  public Hog() {
    // About 2.1 GB in total, never retained: more than a 2048 MB function may allocate during init.
    for (var i = 0; i < 264; i++) {
      sink = new byte[8 * 1024 * 1024];
    }
  }

  public String handleRequest(String input) {
    return input;
  }
}

package example;

public class Boom {
  public Boom() {
    throw new IllegalStateException("init exploded");
  }

  public String handleRequest(String input) {
    return input;
  }
}

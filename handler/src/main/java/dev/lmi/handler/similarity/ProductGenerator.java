package dev.lmi.handler.similarity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Deterministic, realistic-looking products: the same seed gives the same catalog. */
public final class ProductGenerator {

  /** A generated product before embedding. */
  public record Draft(String productId, String name, String description, String category) {
    public String embeddingText() {
      return name + ". " + description;
    }
  }

  private static final Map<String, List<String>> NOUNS =
      Map.of(
          "audio",
              List.of(
                  "Noise Cancelling Headphones",
                  "Wireless Earbuds",
                  "Bluetooth Speaker",
                  "Soundbar",
                  "Turntable",
                  "USB Microphone",
                  "Stereo Amplifier",
                  "Studio Monitors"),
          "electronics",
              List.of(
                  "Smartwatch",
                  "Tablet",
                  "E-Reader",
                  "Mirrorless Camera",
                  "Camera Drone",
                  "Power Bank",
                  "Fast Charger",
                  "Smart Plug"),
          "computers",
              List.of(
                  "Laptop",
                  "Mechanical Keyboard",
                  "Wireless Mouse",
                  "4K Monitor",
                  "NVMe SSD",
                  "Wi-Fi Router",
                  "Webcam",
                  "Docking Station"),
          "kitchen",
              List.of(
                  "Chef's Knife",
                  "Blender",
                  "Espresso Machine",
                  "Cast Iron Skillet",
                  "Electric Kettle",
                  "Air Fryer",
                  "Cutting Board",
                  "Stand Mixer"),
          "home",
              List.of(
                  "Throw Blanket",
                  "Desk Lamp",
                  "Air Purifier",
                  "Bed Sheet Set",
                  "Blackout Curtains",
                  "Robot Vacuum",
                  "Humidifier",
                  "Bookshelf"),
          "sports",
              List.of(
                  "Yoga Mat",
                  "Adjustable Dumbbells",
                  "Running Shoes",
                  "Tennis Racket",
                  "Basketball",
                  "Jump Rope",
                  "Resistance Bands",
                  "Cycling Helmet"),
          "outdoors",
              List.of(
                  "Backpacking Tent",
                  "Sleeping Bag",
                  "Hiking Backpack",
                  "Headlamp",
                  "Camping Stove",
                  "Water Filter",
                  "Trekking Poles",
                  "Camping Hammock"),
          "toys",
              List.of(
                  "Building Blocks Set",
                  "Jigsaw Puzzle",
                  "Plush Teddy Bear",
                  "RC Car",
                  "Board Game",
                  "Wooden Train Set",
                  "Doll House",
                  "Stunt Kite"));

  private static final List<String> BRANDS =
      List.of(
          "Acme",
          "Nordwind",
          "Lumen",
          "Kestrel",
          "Tideline",
          "Orbit",
          "Summit",
          "Juniper",
          "Ironbark",
          "Pixelforge",
          "Cobalt",
          "Maple & Co");
  private static final List<String> ADJECTIVES =
      List.of(
          "Compact",
          "Pro",
          "Ultralight",
          "Premium",
          "Everyday",
          "Classic",
          "Smart",
          "Rugged",
          "Eco",
          "Deluxe");
  private static final List<String> QUALITIES =
      List.of(
          "a long-lasting battery",
          "durable materials",
          "a minimalist design",
          "easy one-touch controls",
          "a two-year warranty",
          "recycled packaging",
          "a lightweight build",
          "premium finishes",
          "quick setup",
          "quiet operation");
  private static final List<String> USES =
      List.of(
          "daily use",
          "travel",
          "gifting",
          "beginners and enthusiasts",
          "small spaces",
          "families",
          "professionals",
          "weekend adventures");

  private ProductGenerator() {}

  /** Products {@code p-00000..}, spread round-robin over {@code categories}. */
  public static List<Draft> generate(int size, List<String> categories, long seed) {
    var random = new Random(seed);
    var width = Math.max(5, Integer.toString(Math.max(0, size - 1)).length());
    return java.util.stream.IntStream.range(0, size)
        .mapToObj(i -> draft(i, width, categories.get(i % categories.size()), random))
        .toList();
  }

  private static Draft draft(int i, int width, String category, Random random) {
    var nouns = NOUNS.getOrDefault(category, List.of(capitalised(category) + " Essential"));
    var noun = pick(nouns, random);
    var adjective = pick(ADJECTIVES, random);
    var name =
        pick(BRANDS, random) + " " + adjective + " " + noun + " " + (100 + random.nextInt(900));
    var first = random.nextInt(QUALITIES.size());
    var second = (first + 1 + random.nextInt(QUALITIES.size() - 1)) % QUALITIES.size();
    var phrase = adjective.toLowerCase(Locale.ROOT) + " " + noun.toLowerCase(Locale.ROOT);
    var description =
        (startsWithVowel(phrase) ? "An " : "A ")
            + phrase
            + " for "
            + category
            + " lovers, with "
            + QUALITIES.get(first)
            + " and "
            + QUALITIES.get(second)
            + ". Ideal for "
            + pick(USES, random)
            + ".";
    return new Draft("p-" + String.format("%0" + width + "d", i), name, description, category);
  }

  private static String pick(List<String> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private static boolean startsWithVowel(String text) {
    return "aeiou".indexOf(text.charAt(0)) >= 0;
  }

  private static String capitalised(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}

package dev.lmi.operator.capacity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads price tables: the default one shipped in the jar, or an override (the chart's ConfigMap).
 * An override is read whole at start and refused with a message naming the field when anything in
 * it is wrong or unknown, never partly used.
 */
public final class PriceTables {
  /** The default table, a resource of this package. */
  public static final String DEFAULT_RESOURCE = "default-price-table.yaml";

  // A ConfigMap holds at most 1 MiB.
  static final int MAX_BYTES = 1 << 20;

  private static final PriceTable DEFAULT = loadDefault();

  private PriceTables() {}

  /** The table shipped with the operator (its date, region and source are in the file). */
  public static PriceTable defaults() {
    return DEFAULT;
  }

  /** Reads and checks a price table file (YAML or JSON). */
  public static PriceTable load(Path file) throws PriceTableException {
    var origin = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new PriceTableException("price table " + origin + ": not a readable regular file");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new PriceTableException("price table " + origin + ": larger than 1 MiB");
      }
      return parse(utf8(Files.readAllBytes(file), origin), origin);
    } catch (IOException e) {
      throw new PriceTableException(
          "price table " + origin + ": cannot be read: " + e.getMessage());
    }
  }

  /** Checks a price table given as text; {@code origin} names it in messages. */
  public static PriceTable parse(String text, String origin) throws PriceTableException {
    return new PriceTableReader(origin).read(text);
  }

  private static String utf8(byte[] bytes, String origin) throws PriceTableException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PriceTableException("price table " + origin + ": not UTF-8 text");
    }
  }

  private static PriceTable loadDefault() {
    try (InputStream in = PriceTables.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks its price table " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException | PriceTableException e) {
      throw new IllegalStateException("the shipped price table is broken: " + e.getMessage(), e);
    }
  }
}

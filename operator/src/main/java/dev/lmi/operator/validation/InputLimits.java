package dev.lmi.operator.validation;

/**
 * What one validate run reads at most, so that no input can make it slow or large: each limit ends
 * the run (or the document) with a message instead.
 *
 * @param maxDocumentBytes one YAML document, as the API server caps one request (3 MiB)
 * @param maxInputBytes all files together
 * @param maxDocuments YAML documents in all files together
 * @param maxFiles YAML files found under the given paths
 * @param maxDirectoryEntries entries looked at while walking directories
 * @param maxDepth nesting of mappings and sequences
 * @param maxNodes values in one document once its aliases are expanded
 */
public record InputLimits(
    long maxDocumentBytes,
    long maxInputBytes,
    int maxDocuments,
    int maxFiles,
    int maxDirectoryEntries,
    int maxDepth,
    long maxNodes) {

  /** The limits of the {@code validate} command. */
  public static final InputLimits DEFAULTS =
      new InputLimits(3L << 20, 64L << 20, 10_000, 10_000, 100_000, 100, 250_000);

  /** A byte count as people read it: 3 MiB, 64 MiB, 8 KiB, 100 bytes. */
  static String size(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }
}

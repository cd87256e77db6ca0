package dev.lmi.operator.api;

/** An object read by {@link TolerantReader}: it carries what of its spec could not be read. */
public interface Tolerant {
  ReadIssues readIssues();

  void readIssues(ReadIssues issues);
}

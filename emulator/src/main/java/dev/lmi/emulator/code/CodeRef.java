package dev.lmi.emulator.code;

import java.nio.file.Path;

/**
 * Where a function's code is and what it hashes to; {@code runnable} is a local jar or null.
 *
 * @param notRunnableReason why Invoke cannot run this code (when runnable is null)
 */
public record CodeRef(
    String sha256, long size, String location, Path runnable, String notRunnableReason) {}

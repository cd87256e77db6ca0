package dev.lmi.emulator.code;

import java.nio.file.Path;
import java.util.Map;

/** Everything an execution environment needs to load and run one published version. */
public record FunctionSpec(
    String functionName,
    String version,
    String functionArn,
    String handler,
    int memoryMb,
    int timeoutSeconds,
    Map<String, String> environment,
    Path jar,
    int maxConcurrency) {}

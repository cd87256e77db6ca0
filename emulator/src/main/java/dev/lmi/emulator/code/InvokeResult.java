package dev.lmi.emulator.code;

/** What an invocation produced; functionError is "Unhandled" when the handler threw. */
public record InvokeResult(byte[] payload, String functionError) {}

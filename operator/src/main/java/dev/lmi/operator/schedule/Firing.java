package dev.lmi.operator.schedule;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One firing of a cron expression in a time zone.
 *
 * @param at when it fires
 * @param written the local date and time the expression names
 * @param moved true when {@code written} fell into a daylight-saving gap (the clocks skipped it)
 *     and the firing moved to the first instant after the gap
 */
public record Firing(Instant at, LocalDateTime written, boolean moved) {}

package dev.lmi.operator.schedule;

/**
 * One entry of {@code spec.scaling.schedules}, parsed: from each firing of {@code cron} on, the
 * function runs with these execution environments, until another schedule fires.
 *
 * @param maxExecutionEnvironments null for no maximum
 */
public record Window(
    String name, ZonedCron cron, int minExecutionEnvironments, Integer maxExecutionEnvironments) {}

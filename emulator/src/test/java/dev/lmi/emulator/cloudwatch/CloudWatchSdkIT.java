package dev.lmi.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** The AWS SDK for Java v2 (Smithy RPC v2 CBOR) against CloudWatch: metrics, alarms, errors. */
class CloudWatchSdkIT {
  private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
  private final MovableClock clock = new MovableClock(T0);
  private LmiEmulator emulator;
  private CloudWatchClient cw;

  @BeforeEach
  void start() {
    emulator =
        LmiEmulator.start(
            EmulatorConfig.defaults().withTimings(Timings.instant()).withClock(clock));
    cw = Clients.cloudWatch(emulator);
  }

  @AfterEach
  void stop() {
    cw.close();
    emulator.close();
  }

  private void put(String name, double value, Instant at, Dimension... dims) {
    cw.putMetricData(
        b ->
            b.namespace("Shop")
                .metricData(
                    MetricDatum.builder()
                        .metricName(name)
                        .value(value)
                        .timestamp(at)
                        .unit(StandardUnit.COUNT)
                        .dimensions(dims)
                        .build()));
  }

  private MetricDataResult query(String stat, int period, ScanBy scan) {
    return cw.getMetricData(
            b ->
                b.startTime(T0)
                    .endTime(T0.plusSeconds(600))
                    .scanBy(scan)
                    .metricDataQueries(
                        MetricDataQuery.builder()
                            .id("orders")
                            .metricStat(
                                s ->
                                    s.metric(m -> m.namespace("Shop").metricName("Orders"))
                                        .period(period)
                                        .stat(stat))
                            .build()))
        .metricDataResults()
        .get(0);
  }

  @Test
  void aggregatesPutDataPerPeriodInTheOrderAsked() {
    put("Orders", 1, T0.plusSeconds(10));
    put("Orders", 3, T0.plusSeconds(20));
    cw.putMetricData(
        b ->
            b.namespace("Shop")
                .metricData(
                    MetricDatum.builder()
                        .metricName("Orders")
                        .timestamp(T0.plusSeconds(70))
                        .values(2.0, 6.0)
                        .counts(1.0, 2.0)
                        .build()));

    var sums = query("Sum", 60, ScanBy.TIMESTAMP_DESCENDING);
    var averages = query("Average", 60, ScanBy.TIMESTAMP_ASCENDING);

    assertThat(sums.label()).isEqualTo("Orders");
    assertThat(sums.timestamps()).containsExactly(T0.plusSeconds(60), T0);
    assertThat(sums.values()).containsExactly(14.0, 4.0);
    assertThat(averages.timestamps()).containsExactly(T0, T0.plusSeconds(60));
    assertThat(averages.values()).containsExactly(2.0, 14.0 / 3);
    assertThat(query("SampleCount", 300, ScanBy.TIMESTAMP_ASCENDING).values()).containsExactly(5.0);
    assertThat(query("Maximum", 120, ScanBy.TIMESTAMP_ASCENDING).values()).containsExactly(6.0);
  }

  @Test
  void highResolutionValuesAnswerPeriodsUnderAMinute() {
    for (var second : List.of(1, 4, 12, 31)) {
      cw.putMetricData(
          b ->
              b.namespace("Shop")
                  .metricData(
                      MetricDatum.builder()
                          .metricName("Orders")
                          .value(1.0)
                          .storageResolution(1)
                          .timestamp(T0.plusSeconds(second))
                          .build()));
    }

    var tens = query("Sum", 10, ScanBy.TIMESTAMP_ASCENDING);

    assertThat(tens.timestamps()).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(30));
    assertThat(tens.values()).containsExactly(2.0, 1.0, 1.0);
  }

  @Test
  void listsMetricsByNamespaceNameAndDimensions() {
    put("Orders", 1, T0, Dimension.builder().name("Shop").value("north").build());
    put("Orders", 1, T0, Dimension.builder().name("Shop").value("south").build());
    put("Refunds", 1, T0);

    var north =
        cw.listMetrics(
            b ->
                b.namespace("Shop")
                    .dimensions(DimensionFilter.builder().name("Shop").value("north").build()));
    var orders = cw.listMetrics(b -> b.namespace("Shop").metricName("Orders"));

    assertThat(north.metrics()).hasSize(1);
    assertThat(north.metrics().get(0).dimensions().get(0).value()).isEqualTo("north");
    assertThat(orders.metrics()).hasSize(2);
    assertThat(cw.listMetrics(b -> b.namespace("Other")).metrics()).isEmpty();
  }

  @Test
  void getMetricStatisticsAnswersTheStatisticsAsked() {
    put("Orders", 2, T0.plusSeconds(5));
    put("Orders", 4, T0.plusSeconds(6));

    var stats =
        cw.getMetricStatistics(
            b ->
                b.namespace("Shop")
                    .metricName("Orders")
                    .startTime(T0)
                    .endTime(T0.plusSeconds(60))
                    .period(60)
                    .statistics(Statistic.SUM, Statistic.MAXIMUM));

    assertThat(stats.label()).isEqualTo("Orders");
    assertThat(stats.datapoints()).hasSize(1);
    var point = stats.datapoints().get(0);
    assertThat(point.timestamp()).isEqualTo(T0);
    assertThat(point.sum()).isEqualTo(6.0);
    assertThat(point.maximum()).isEqualTo(4.0);
    assertThat(point.average()).isNull();
    assertThat(point.unit()).isEqualTo(StandardUnit.COUNT);
  }

  @Test
  void alarmsFollowTheirMetricAndSetAlarmStateHoldsUntilTheNextEvaluation() {
    cw.putMetricAlarm(
        b ->
            b.alarmName("too-many-orders")
                .namespace("Shop")
                .metricName("Orders")
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(1)
                .threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
    assertThat(alarm().stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);

    put("Orders", 10, T0.plusSeconds(5));
    clock.advance(Duration.ofSeconds(61));
    var tripped = alarm();
    assertThat(tripped.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(tripped.stateReason()).startsWith("Threshold Crossed: 1 out of the last 1");

    cw.setAlarmState(
        b -> b.alarmName("too-many-orders").stateValue(StateValue.OK).stateReason("testing"));
    clock.advance(Duration.ofSeconds(30));
    assertThat(alarm().stateValue()).isEqualTo(StateValue.OK);
    assertThat(alarm().stateReason()).isEqualTo("testing");

    put("Orders", 10, T0.plusSeconds(95));
    clock.advance(Duration.ofSeconds(31));
    assertThat(alarm().stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(cw.describeAlarms(b -> b.stateValue(StateValue.OK)).metricAlarms().stream().count())
        .isZero();
  }

  private software.amazon.awssdk.services.cloudwatch.model.MetricAlarm alarm() {
    return cw.describeAlarms(b -> b.alarmNames("too-many-orders")).metricAlarms().get(0);
  }

  @Test
  void describeAlarmsPagesInNameOrder() {
    for (var i = 7; i >= 1; i--) {
      var name = "alarm-" + i;
      cw.putMetricAlarm(
          b ->
              b.alarmName(name)
                  .namespace("Shop")
                  .metricName("Orders")
                  .statistic(Statistic.SUM)
                  .period(60)
                  .evaluationPeriods(1)
                  .threshold(1.0)
                  .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
    }

    var names =
        cw.describeAlarmsPaginator(b -> b.maxRecords(3)).metricAlarms().stream()
            .map(a -> a.alarmName())
            .toList();

    assertThat(names)
        .containsExactly(
            "alarm-1", "alarm-2", "alarm-3", "alarm-4", "alarm-5", "alarm-6", "alarm-7");
    assertThat(cw.describeAlarms(b -> b.maxRecords(3)).nextToken()).isNotNull();
  }

  @Test
  void percentileAlarmsAreKeptButNotEvaluated() {
    cw.putMetricAlarm(
        b ->
            b.alarmName("p99")
                .namespace("Shop")
                .metricName("Latency")
                .extendedStatistic("p99")
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
    cw.setAlarmState(b -> b.alarmName("p99").stateValue(StateValue.ALARM).stateReason("x"));
    clock.advance(Duration.ofMinutes(10));

    var alarm = cw.describeAlarms(b -> b.alarmNames("p99")).metricAlarms().get(0);

    assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(alarm.extendedStatistic()).isEqualTo("p99");
    assertThat(alarm.statistic()).isNull();
  }

  @Test
  void deleteAlarmsDeletesNoneWhenOneIsMissing() {
    cw.putMetricAlarm(
        b ->
            b.alarmName("kept")
                .namespace("Shop")
                .metricName("Orders")
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));

    assertThatThrownBy(() -> cw.deleteAlarms(b -> b.alarmNames("kept", "never-made")))
        .isInstanceOfSatisfying(
            CloudWatchException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound"));
    assertThat(cw.describeAlarms(b -> b.alarmNames("kept")).metricAlarms()).hasSize(1);
    cw.deleteAlarms(b -> b.alarmNames("kept"));
    assertThat(cw.describeAlarms(b -> b.alarmNames("kept")).metricAlarms()).isEmpty();
  }

  /**
   * The SDK picks the exception class by the Smithy shape in {@code __type}; it knows no shape
   * ResourceNotFound (only ResourceNotFoundException, another error), so a missing alarm is a plain
   * CloudWatchException whose code is ResourceNotFound, as it would be from AWS.
   */
  @Test
  void answersCloudWatchsErrorsWithTheirQueryCodesAndStatuses() {
    assertThat(error(() -> put("X", 1, T0.minus(Duration.ofDays(15)))))
        .isEqualTo("InvalidParameterValueException InvalidParameterValue 400");
    assertThat(
            error(
                () ->
                    cw.putMetricData(
                        b ->
                            b.namespace("AWS/Lambda")
                                .metricData(d -> d.metricName("Errors").value(1.0)))))
        .isEqualTo("InvalidParameterValueException InvalidParameterValue 400");
    assertThat(
            error(
                () ->
                    cw.putMetricData(
                        b ->
                            b.namespace("Shop")
                                .metricData(
                                    d ->
                                        d.metricName("X")
                                            .value(1.0)
                                            .statisticValues(
                                                s ->
                                                    s.sum(1.0)
                                                        .minimum(1.0)
                                                        .maximum(1.0)
                                                        .sampleCount(1.0))))))
        .isEqualTo("InvalidParameterCombinationException InvalidParameterCombination 400");
    assertThat(
            error(
                () ->
                    cw.setAlarmState(
                        b -> b.alarmName("nope").stateValue(StateValue.OK).stateReason("r"))))
        .isEqualTo("CloudWatchException ResourceNotFound 404");
    assertThat(error(() -> cw.describeAlarms(b -> b.alarmNames("a").alarmNamePrefix("a"))))
        .isEqualTo("InvalidParameterCombinationException InvalidParameterCombination 400");
    assertThat(error(() -> cw.describeAlarms(b -> b.nextToken("forged"))))
        .isEqualTo("InvalidNextTokenException InvalidNextToken 400");
    assertThat(error(() -> cw.describeAlarms(b -> b.maxRecords(101))))
        .isEqualTo("CloudWatchException ValidationError 400");
    assertThat(
            error(
                () ->
                    cw.putMetricAlarm(
                        b ->
                            b.alarmName("bad")
                                .namespace("Shop")
                                .metricName("Orders")
                                .statistic(Statistic.SUM)
                                .period(45)
                                .evaluationPeriods(1)
                                .threshold(1.0)
                                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD))))
        .isEqualTo("CloudWatchException ValidationError 400");
  }

  @Test
  void validationErrorsQuoteTheModelsConstraint() {
    assertThatThrownBy(() -> cw.describeAlarms(b -> b.alarmNamePrefix("")))
        .isInstanceOfSatisfying(
            CloudWatchException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "1 validation error detected: Value '' at 'alarmNamePrefix' failed to"
                            + " satisfy constraint: Member must have length greater than or equal"
                            + " to 1"));
  }

  @Test
  void metricMathIsRefusedWithAnEmulatorMessage() {
    assertThatThrownBy(
            () ->
                cw.getMetricData(
                    b ->
                        b.startTime(T0)
                            .endTime(T0.plusSeconds(60))
                            .metricDataQueries(q -> q.id("rate").expression("errors / calls"))))
        .isInstanceOfSatisfying(
            CloudWatchException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
              assertThat(e.getMessage()).contains("[lmi-emulator]", "metric math");
            });
  }

  /** Exception class, error code and status: what a caller of the Java SDK can switch on. */
  private static String error(Runnable call) {
    try {
      call.run();
      return "no error";
    } catch (CloudWatchException e) {
      return e.getClass().getSimpleName()
          + " "
          + e.awsErrorDetails().errorCode()
          + " "
          + e.statusCode();
    }
  }
}

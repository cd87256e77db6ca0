package dev.lmi.handler.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.util.List;

/** CloudWatch Embedded Metric Format on stdout: one JSON document per emission. */
public final class EmfMetrics {

  /** One metric value in a document. */
  public record Metric(String name, double value, String unit) {

    public static Metric count(String name) {
      return new Metric(name, 1, "Count");
    }

    public static Metric millis(String name, double value) {
      return new Metric(name, value, "Milliseconds");
    }
  }

  private final String namespace;
  private final String service;
  private final PrintStream out;

  public EmfMetrics(String namespace, String service, PrintStream out) {
    this.namespace = namespace;
    this.service = service;
    this.out = out;
  }

  public void emit(Metric... metrics) {
    emit(List.of(metrics));
  }

  public void emit(List<Metric> metrics) {
    var doc = Json.object();
    var aws = doc.putObject("_aws");
    aws.put("Timestamp", System.currentTimeMillis());
    var directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", namespace);
    directive.putArray("Dimensions").addArray().add("service");
    var definitions = directive.putArray("Metrics");
    doc.put("service", service);
    for (var metric : metrics) {
      definitions.addObject().put("Name", metric.name()).put("Unit", metric.unit());
      doc.put(metric.name(), metric.value());
    }
    try {
      out.println(Json.MAPPER.writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("EMF document not serialisable", e);
    }
  }
}

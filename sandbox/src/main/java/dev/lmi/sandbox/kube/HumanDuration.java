package dev.lmi.sandbox.kube;

import java.time.Duration;

/** Ages as kubectl and the API server print them (apimachinery's HumanDuration): 45s, 3m10s, 5h. */
final class HumanDuration {
  private HumanDuration() {}

  static String of(Duration d) {
    var seconds = d.toSeconds();
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 120) {
      return seconds + "s";
    }
    var minutes = d.toMinutes();
    if (minutes < 10) {
      return withPart(minutes, "m", seconds % 60, "s");
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    var hours = d.toHours();
    if (hours < 8) {
      return withPart(hours, "h", minutes % 60, "m");
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      return withPart(hours / 24, "d", hours % 24, "h");
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    if (hours < 24 * 365 * 8) {
      return withPart(hours / 24 / 365, "y", (hours / 24) % 365, "d");
    }
    return hours / 24 / 365 + "y";
  }

  private static String withPart(long whole, String unit, long part, String partUnit) {
    return part == 0 ? whole + unit : whole + unit + part + partUnit;
  }
}

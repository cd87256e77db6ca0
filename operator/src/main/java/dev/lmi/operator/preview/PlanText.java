package dev.lmi.operator.preview;

import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.api.PlanStep;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan command's text output, one block per object that changes or is refused:
 *
 * <pre>
 * ~ LmiFunction orders/list-orders (orders-list-orders)
 *     update configuration: memoryMiB 2048 → 4096, environment.TABLE_NAME changed
 *     publish version 4; move alias live 3 → 4; put scaling on 4 (min 3, max 6); prune version 1
 * ! CapacityProvider orders-pool: CreateOnlyFieldChanged: ...
 * </pre>
 */
final class PlanText {
  private PlanText() {}

  static String render(PlanReport report) {
    var out = new StringBuilder();
    for (var o : report.objects()) {
      block(out, o);
    }
    for (var p : report.problems()) {
      out.append("! ").append(p).append('\n');
    }
    var s = report.summary();
    out.append(out.isEmpty() ? "" : "\n")
        .append("Plan: ")
        .append(s.create())
        .append(" to create, ")
        .append(s.update())
        .append(" to change, ")
        .append(s.refused())
        .append(" refused, ")
        .append(s.none())
        .append(" unchanged; ")
        .append(s.awsWrites())
        .append(" AWS write call(s).\n");
    return out.toString();
  }

  private static void block(StringBuilder out, ObjectPlan o) {
    var who =
        o.getKind() + " " + (o.getNamespace() == null ? "" : o.getNamespace() + "/") + o.getName();
    switch (o.getChange()) {
      case ObjectPlan.REFUSED ->
          out.append("! ")
              .append(who)
              .append(": ")
              .append(o.getReason())
              .append(": ")
              .append(o.getMessage())
              .append('\n');
      case ObjectPlan.CREATE, ObjectPlan.UPDATE -> {
        out.append(ObjectPlan.CREATE.equals(o.getChange()) ? "+ " : "~ ")
            .append(who)
            .append(" (")
            .append(o.getAwsName())
            .append(")\n");
        lines(o.getActions()).forEach(l -> out.append("    ").append(l).append('\n'));
      }
      default -> {
        var waits = o.getReason() != null && !"Ready".equals(o.getReason());
        if (!waits && o.getWarnings() == null && o.getErrors() == null) {
          return;
        }
        out.append("  ").append(who).append(": no changes");
        if (waits) {
          out.append(" (").append(o.getReason()).append(": ").append(o.getMessage()).append(')');
        }
        out.append('\n');
      }
    }
    if (o.getCost() != null && !ObjectPlan.NONE.equals(o.getChange())) {
      out.append("    cost: ").append(o.getCost()).append('\n');
    }
    notes(out, "warning", o.getWarnings());
    notes(out, "error", o.getErrors());
  }

  /** Configuration, code and ownership steps on their own lines; the rest of a run on one. */
  private static List<String> lines(List<PlanStep> steps) {
    var out = new ArrayList<String>();
    var run = new ArrayList<String>();
    for (var s : steps) {
      if (s.getAwsCalls() == null || s.getAwsCalls().isEmpty()) {
        continue;
      }
      if (List.of("UpdateSettings", "UpdateCode", "Update", "RecordUid", "Adopt")
          .contains(s.getType())) {
        flush(out, run);
        out.add(s.getDescription());
      } else {
        run.add(s.getDescription());
      }
    }
    flush(out, run);
    return out;
  }

  private static void flush(List<String> out, List<String> run) {
    if (!run.isEmpty()) {
      out.add(String.join("; ", run));
      run.clear();
    }
  }

  private static void notes(StringBuilder out, String kind, List<String> notes) {
    if (notes != null) {
      notes.forEach(n -> out.append("    ").append(kind).append(": ").append(n).append('\n'));
    }
  }
}

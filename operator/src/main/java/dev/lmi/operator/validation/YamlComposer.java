package dev.lmi.operator.validation;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds one YAML document from the parser's events, with limits that the stock composer lacks:
 * nesting depth and the size of the document once its aliases are expanded ("billion laughs"). It
 * also rejects what kubectl rejects (duplicate keys, unknown or self-containing anchors) and
 * resolves merge keys. Iterative, so deep input cannot overflow the stack.
 */
final class YamlComposer {
  private final InputLimits limits;
  private final int firstLine;
  private final Map<String, YamlNode> anchors = new HashMap<>();
  private final Map<String, Position> openAnchors = new HashMap<>();
  private final ArrayDeque<YamlFrame> frames = new ArrayDeque<>();
  private YamlNode root;
  private int documents;

  private YamlComposer(InputLimits limits, int firstLine) {
    this.limits = limits;
    this.firstLine = firstLine;
  }

  /**
   * The document in {@code text} (one piece of a file between "---" lines, starting at line {@code
   * firstLine}), or null when it holds none.
   */
  static YamlNode compose(String text, int firstLine, InputLimits limits)
      throws UnusableInputException {
    var composer = new YamlComposer(limits, firstLine);
    var settings =
        LoadSettings.builder()
            // One buffer for the whole text: the reader's default 1 KiB window makes long scalars
            // quadratic to scan.
            .setBufferSize(text.length() + 1)
            .setCodePointLimit(Integer.MAX_VALUE)
            .setParseComments(false)
            .build();
    try {
      var parser = new ParserImpl(settings, new StreamReader(settings, new StringReader(text)));
      while (parser.hasNext()) {
        composer.accept(parser.next());
      }
    } catch (MarkedYamlEngineException e) {
      var problem = e.getProblem() == null ? e.getContext() : e.getProblem();
      throw composer.invalid(problem, e.getProblemMark().or(e::getContextMark));
    } catch (YamlEngineException e) {
      throw new UnusableInputException("not valid YAML: " + e.getMessage());
    } catch (RuntimeException e) {
      // A parser failure on one document must not end the run for the others.
      throw new UnusableInputException("not valid YAML: the parser failed: " + e);
    }
    return composer.root;
  }

  private void accept(Event event) throws UnusableInputException {
    switch (event.getEventId()) {
      case DocumentStart -> {
        if (++documents > 1) {
          throw invalid("a second document without a \"---\" line before it", event);
        }
      }
      case Scalar -> scalar((ScalarEvent) event);
      case Alias -> alias((AliasEvent) event);
      case MappingStart, SequenceStart -> open((CollectionStartEvent) event);
      case MappingEnd, SequenceEnd -> close();
      default -> {}
    }
  }

  private void scalar(ScalarEvent event) throws UnusableInputException {
    var at = at(event.getStartMark());
    YamlNode node;
    try {
      node =
          YamlNode.scalar(at, YamlScalars.resolve(event.getValue(), tag(event), event.isPlain()));
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage(), event);
    }
    var merge = event.isPlain() && event.getTag().isEmpty() && "<<".equals(event.getValue());
    anchor(event, node);
    deliver(node, merge);
  }

  private void alias(AliasEvent event) throws UnusableInputException {
    var name = event.getAlias().getValue();
    if (openAnchors.containsKey(name)) {
      throw invalid("alias *" + name + " contains itself", event);
    }
    var node = anchors.get(name);
    if (node == null) {
      throw invalid("unknown anchor *" + name, event);
    }
    deliver(node, false);
  }

  private void open(CollectionStartEvent event) throws UnusableInputException {
    if (frames.size() >= limits.maxDepth()) {
      throw invalid("nested more than " + limits.maxDepth() + " levels deep", event);
    }
    var anchor = event.getAnchor().map(a -> a.getValue()).orElse(null);
    var at = at(event.getStartMark());
    if (anchor != null) {
      openAnchors.put(anchor, at);
    }
    frames.push(new YamlFrame(event instanceof MappingStartEvent, at, anchor));
  }

  private void close() throws UnusableInputException {
    var frame = frames.pop();
    var node = frame.build();
    if (node.size() > limits.maxNodes()) {
      throw new UnusableInputException(
          "not valid YAML: more than " + limits.maxNodes() + " values once aliases are expanded",
          frame.at());
    }
    if (frame.anchor() != null) {
      openAnchors.remove(frame.anchor());
      anchors.put(frame.anchor(), node);
    }
    deliver(node, false);
  }

  private void deliver(YamlNode node, boolean mergeKey) throws UnusableInputException {
    if (frames.isEmpty()) {
      root = node;
      return;
    }
    frames.peek().add(node, mergeKey);
  }

  private void anchor(NodeEvent event, YamlNode node) {
    event.getAnchor().ifPresent(a -> anchors.put(a.getValue(), node));
  }

  private static String tag(ScalarEvent event) {
    return event.getTag().orElse(null);
  }

  private Position at(Optional<Mark> mark) {
    return mark.map(m -> new Position(firstLine + m.getLine(), m.getColumn() + 1))
        .orElse(new Position(firstLine, 1));
  }

  private UnusableInputException invalid(String problem, Event event) {
    return invalid(problem, event.getStartMark());
  }

  private UnusableInputException invalid(String problem, Optional<Mark> mark) {
    var text = problem == null ? "" : problem.strip().replaceAll("\\s+", " ");
    return new UnusableInputException("not valid YAML: " + text, at(mark));
  }
}

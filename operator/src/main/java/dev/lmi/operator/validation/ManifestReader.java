package dev.lmi.operator.validation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads multi-document YAML files, and the *.yaml / *.yml files under directories. */
final class ManifestReader {
  /** One YAML document; {@code content} is null for an empty document. */
  record Document(String file, int number, JsonNode content) {}

  private static final YAMLMapper YAML = new YAMLMapper();

  private ManifestReader() {}

  /** The files a path names: itself, or the YAML files below a directory, sorted. */
  static List<Path> expand(Path path) throws UnusableInputException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        return files
            .filter(Files::isRegularFile)
            .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new UnusableInputException(path + ": cannot read directory: " + e.getMessage());
      }
    }
    if (!Files.exists(path)) {
      throw new UnusableInputException(path + ": no such file or directory");
    }
    return List.of(path);
  }

  static List<Document> read(Path file) throws UnusableInputException {
    String text;
    try {
      text = Files.readString(file);
    } catch (MalformedInputException e) {
      throw new UnusableInputException(file + ": not valid YAML: not UTF-8 text");
    } catch (IOException e) {
      throw new UnusableInputException(file + ": cannot read file: " + e);
    }
    var documents = new ArrayList<Document>();
    try (var parser = YAML.createParser(text);
        var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(parser)) {
      while (values.hasNextValue()) {
        var node = values.nextValue();
        var empty = node == null || node.isMissingNode() || node.isNull();
        documents.add(new Document(file.toString(), documents.size() + 1, empty ? null : node));
      }
    } catch (JacksonException e) {
      throw new UnusableInputException(file + ": not valid YAML: " + firstLine(e.getMessage()));
    } catch (IOException e) {
      throw new UnusableInputException(file + ": cannot read file: " + e.getMessage());
    }
    return documents;
  }

  // kubectl accepts a List (kind: List, or <Kind>List) and applies its items; so do we, so that
  // its lmi.dev items are not skipped unseen. Items keep the number of their document.
  static List<Document> objects(Document document) {
    var content = document.content();
    if (content == null) {
      return List.of();
    }
    if (!content.path("kind").asText("").endsWith("List") || !content.path("items").isArray()) {
      return List.of(document);
    }
    var items = new ArrayList<Document>();
    content
        .get("items")
        .forEach(item -> items.add(new Document(document.file(), document.number(), item)));
    return items;
  }

  private static String firstLine(String message) {
    var text = message == null ? "" : message.strip();
    var newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}

package dev.lmi.emulator.ec2;

import java.util.Map;

/** A tiny XML writer for the EC2/STS query protocol responses. */
public final class Xml {
  private final StringBuilder out = new StringBuilder();

  Xml open(String tag) {
    out.append('<').append(tag).append('>');
    return this;
  }

  Xml close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  Xml leaf(String tag, Object value) {
    if (value != null) {
      open(tag).out.append(escape(String.valueOf(value)));
      close(tag);
    }
    return this;
  }

  Xml raw(String text) {
    out.append(text);
    return this;
  }

  /** A set of plain string items, e.g. subnetIdSet. */
  Xml items(String tag, Iterable<String> values, String itemLeaf) {
    open(tag);
    for (var v : values) {
      if (itemLeaf == null) {
        leaf("item", v);
      } else {
        open("item").leaf(itemLeaf, v).close("item");
      }
    }
    return close(tag);
  }

  Xml tags(Map<String, String> tags) {
    open("tagSet");
    tags.forEach((k, v) -> open("item").leaf("key", k).leaf("value", v).close("item"));
    return close("tagSet");
  }

  public static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

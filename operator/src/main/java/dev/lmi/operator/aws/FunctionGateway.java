package dev.lmi.operator.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Functions and their published versions in AWS, in our own terms. */
public interface FunctionGateway {
  Optional<FunctionView> get(String name);

  /**
   * Creates the function and publishes its first version in the same call (CreateFunction with
   * Publish), saving a PublishVersion and a wait: the version starts while $LATEST is created.
   */
  Created create(
      String name,
      FunctionSettings settings,
      CodeSource code,
      Map<String, String> tags,
      String description);

  /** The new function, and its first version when AWS names it in the response (else null). */
  record Created(FunctionView function, VersionView version) {}

  void updateSettings(String name, FunctionSettings settings);

  void updateCode(String name, CodeSource code, String architecture);

  /**
   * Publishes $LATEST with this description; AWS returns the last version instead when nothing
   * changed since it.
   */
  VersionView publish(String name, String description);

  Optional<VersionView> version(String name, String version);

  /** Numbered versions and their states, oldest first. */
  List<VersionView> publishedVersions(String name);

  void deleteVersion(String name, String version);

  DeleteOutcome delete(String name);

  void tag(String arn, Map<String, String> tags);
}

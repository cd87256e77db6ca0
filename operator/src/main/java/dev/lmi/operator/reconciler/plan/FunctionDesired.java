package dev.lmi.operator.reconciler.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.Defaults;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionSpec;
import dev.lmi.operator.aws.CodeSource;
import dev.lmi.operator.aws.FunctionSettings;
import dev.lmi.operator.rollout.RolloutPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an LmiFunction asks of AWS, derived purely from its spec and its provider's ARN.
 *
 * @param codeIdentity S3 object version, image digest or sha256: a change publishes a new version
 * @param configHash hash of settings and code identity: what a published version is made of
 * @param rollout how a new version takes the alias's traffic (spec.rollout)
 * @param providerMaxVCpu the provider's maxVCpuCount (null: not known, nothing is checked)
 */
public record FunctionDesired(
    String name,
    FunctionSettings settings,
    CodeSource code,
    String codeIdentity,
    Map<String, String> tags,
    String alias,
    Integer minExecutionEnvironments,
    Integer maxExecutionEnvironments,
    int keepVersions,
    String configHash,
    RolloutPlan rollout,
    Integer providerMaxVCpu) {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  public static FunctionDesired of(LmiFunction fn, String providerArn, String owner) {
    return of(fn, providerArn, null, owner);
  }

  /** With the provider's vCPU ceiling, so a rollout can check that both versions fit under it. */
  public static FunctionDesired of(
      LmiFunction fn, String providerArn, Integer providerMaxVCpu, String owner) {
    var spec = fn.getSpec();
    var settings = settings(spec, providerArn);
    var code = code(spec);
    var identity = codeIdentity(spec);
    var scaling = spec.getScaling();
    var min =
        scaling == null || scaling.getMinExecutionEnvironments() == null
            ? Integer.valueOf(Defaults.MIN_EXECUTION_ENVIRONMENTS)
            : scaling.getMinExecutionEnvironments();
    return new FunctionDesired(
        awsName(fn),
        settings,
        code,
        identity,
        tags(spec, owner, identity),
        spec.getAlias() == null || spec.getAlias().getName() == null
            ? Defaults.ALIAS_NAME
            : spec.getAlias().getName(),
        min,
        scaling == null ? null : scaling.getMaxExecutionEnvironments(),
        or(spec.getKeepVersions(), Defaults.KEEP_VERSIONS),
        hash(settings, identity),
        RolloutPlan.of(spec.getRollout()),
        providerMaxVCpu);
  }

  /** vCPUs of one execution environment: memory over the memory-per-vCPU ratio. */
  public int vCpuPerEnvironment() {
    var perVCpu = settings.memoryGiBPerVCpu() * 1024;
    return Math.max(1, (int) Math.floor(settings.memoryMiB() / perVCpu));
  }

  /** The same, with the execution environments in force now (a schedule's window, or suspend). */
  public FunctionDesired withScaling(Integer min, Integer max) {
    return new FunctionDesired(
        name,
        settings,
        code,
        codeIdentity,
        tags,
        alias,
        min,
        max,
        keepVersions,
        configHash,
        rollout,
        providerMaxVCpu);
  }

  /** The AWS name: spec.awsName, else namespace-name, shortened with a stable hash past 64. */
  public static String awsName(LmiFunction fn) {
    if (fn.getSpec() != null && fn.getSpec().getAwsName() != null) {
      return fn.getSpec().getAwsName();
    }
    var ns = fn.getMetadata().getNamespace() == null ? "default" : fn.getMetadata().getNamespace();
    var base = (ns + "-" + fn.getMetadata().getName()).replaceAll("[^a-zA-Z0-9_-]", "-");
    if (base.length() <= 64) {
      return base;
    }
    return base.substring(0, 55)
        + "-"
        + sha256(ns + "/" + fn.getMetadata().getName()).substring(0, 8);
  }

  /** The owner tag's value for this object: cluster, kind, namespace, name and uid. */
  public static String owner(String clusterName, LmiFunction fn) {
    return Ownership.tag(identity(clusterName, fn), fn.getMetadata().getUid());
  }

  /** The owner tag's value without the uid: whichever object has this name in this cluster. */
  public static String identity(String clusterName, LmiFunction fn) {
    return Ownership.identity(
        clusterName, "LmiFunction", fn.getMetadata().getNamespace(), fn.getMetadata().getName());
  }

  static FunctionSettings settings(LmiFunctionSpec spec, String providerArn) {
    var log = spec.getLogging();
    var memory = or(spec.getMemoryMiB(), Defaults.MEMORY_MIB);
    var ratio = or(spec.getMemoryGiBPerVCpu(), Defaults.MEMORY_GIB_PER_VCPU);
    return new FunctionSettings(
        spec.getRuntime() == null ? null : spec.getRuntime().wire(),
        spec.getHandler(),
        spec.getRoleArn(),
        memory,
        or(spec.getTimeoutSeconds(), Defaults.TIMEOUT_SECONDS),
        spec.getArchitecture() == null ? Defaults.ARCHITECTURE : spec.getArchitecture().wire(),
        spec.getEnvironment() == null ? Map.of() : new TreeMap<>(spec.getEnvironment()),
        spec.getLayers() == null ? List.of() : List.copyOf(spec.getLayers()),
        log == null || log.getFormat() == null ? Defaults.LOG_FORMAT : log.getFormat().wire(),
        log == null || log.getApplicationLogLevel() == null
            ? null
            : log.getApplicationLogLevel().wire(),
        log == null || log.getSystemLogLevel() == null ? null : log.getSystemLogLevel().wire(),
        log == null ? null : log.getLogGroup(),
        spec.getTracing() == null ? Defaults.TRACING : spec.getTracing().wire(),
        or(spec.getEphemeralStorageMiB(), Defaults.EPHEMERAL_STORAGE_MIB),
        providerArn,
        spec.getMaxConcurrencyPerEnvironment(),
        (double) ratio);
  }

  static CodeSource code(LmiFunctionSpec spec) {
    var c = spec.getCode();
    if (c.getImageUri() != null) {
      return new CodeSource(null, null, null, c.getImageUri());
    }
    return new CodeSource(
        c.getS3().getBucket(), c.getS3().getKey(), c.getS3().getObjectVersion(), null);
  }

  static String codeIdentity(LmiFunctionSpec spec) {
    var c = spec.getCode();
    if (c.getImageUri() != null) {
      return c.getImageUri();
    }
    var s3 = c.getS3();
    var id = "s3://" + s3.getBucket() + "/" + s3.getKey();
    if (s3.getObjectVersion() != null) {
      id += "?versionId=" + s3.getObjectVersion();
    }
    return c.getSha256() == null ? id : id + "#sha256=" + c.getSha256();
  }

  static Map<String, String> tags(LmiFunctionSpec spec, String owner, String codeIdentity) {
    var tags = new LinkedHashMap<String, String>();
    if (spec.getTags() != null) {
      tags.putAll(spec.getTags());
    }
    tags.put(Api.OWNER_TAG, owner);
    tags.put(Api.CODE_TAG, codeTag(codeIdentity));
    return tags;
  }

  /** The value of the code-identity tag: short, and within AWS's 256-character tag limit. */
  public static String codeTag(String codeIdentity) {
    return sha256(codeIdentity).substring(0, 16);
  }

  static String hash(FunctionSettings settings, String codeIdentity) {
    try {
      var canonical = CANONICAL.writeValueAsString(List.of(settings, codeIdentity));
      return sha256(canonical).substring(0, 16);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String s) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int or(Integer value, String fallback) {
    return value != null ? value : Integer.parseInt(fallback);
  }
}

package dev.lmi.operator.testing;

import dev.lmi.operator.api.AliasSpec;
import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderRef;
import dev.lmi.operator.api.CapacityProviderSpec;
import dev.lmi.operator.api.CodeSpec;
import dev.lmi.operator.api.DeletionPolicy;
import dev.lmi.operator.api.FunctionScalingSpec;
import dev.lmi.operator.api.InstanceRequirementsSpec;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionSpec;
import dev.lmi.operator.api.LmiRuntime;
import dev.lmi.operator.api.ProviderScalingSpec;
import dev.lmi.operator.api.S3Code;
import dev.lmi.operator.api.ScalingMode;
import dev.lmi.operator.api.VpcSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;

/** Valid resources for tests, wired to the emulator's default EC2 fixture. */
public final class Resources {
  public static final List<String> SUBNETS =
      List.of("subnet-0a1a1b2c3d4e5f601", "subnet-0b1a1b2c3d4e5f602", "subnet-0c1a1b2c3d4e5f603");
  public static final String SECURITY_GROUP = "sg-0d1a1b2c3d4e5f601";

  private Resources() {}

  public static CapacityProvider provider(String name, String... namespaces) {
    var vpc = new VpcSpec();
    vpc.setSubnetIds(SUBNETS);
    vpc.setSecurityGroupIds(List.of(SECURITY_GROUP));
    var ir = new InstanceRequirementsSpec();
    ir.setArchitecture(Architecture.ARM64);
    var scaling = new ProviderScalingSpec();
    // Room for the chaos tests' 133 functions of three 1-vCPU environments on one provider.
    scaling.setMaxVCpuCount(400);
    scaling.setMode(ScalingMode.AUTO);
    var spec = new CapacityProviderSpec();
    spec.setVpc(vpc);
    spec.setOperatorRoleArn("arn:aws:iam::123456789012:role/lmi-operator");
    spec.setInstanceRequirements(ir);
    spec.setScaling(scaling);
    spec.setTags(Map.of("team", "platform"));
    spec.setAllowedNamespaces(List.of(namespaces));
    spec.setDeletionPolicy(DeletionPolicy.DELETE);
    var cp = new CapacityProvider();
    cp.setMetadata(new ObjectMetaBuilder().withName(name).build());
    cp.setSpec(spec);
    return cp;
  }

  public static LmiFunction function(String namespace, String name, String provider) {
    var s3 = new S3Code();
    s3.setBucket("artifacts");
    s3.setKey("orders/handler.jar");
    s3.setObjectVersion("1");
    var code = new CodeSpec();
    code.setS3(s3);
    var scaling = new FunctionScalingSpec();
    scaling.setMinExecutionEnvironments(3);
    scaling.setMaxExecutionEnvironments(4);
    var ref = new CapacityProviderRef();
    ref.setName(provider);
    var alias = new AliasSpec();
    alias.setName("live");
    var spec = new LmiFunctionSpec();
    spec.setCapacityProviderRef(ref);
    spec.setRuntime(LmiRuntime.JAVA21);
    spec.setHandler("dev.lmi.handler.orders.ListOrdersHandler::handleRequest");
    spec.setCode(code);
    spec.setRoleArn("arn:aws:iam::123456789012:role/list-orders");
    spec.setMemoryMiB(2048);
    spec.setMemoryGiBPerVCpu(2);
    spec.setMaxConcurrencyPerEnvironment(32);
    spec.setScaling(scaling);
    spec.setTimeoutSeconds(10);
    spec.setArchitecture(Architecture.ARM64);
    spec.setEnvironment(Map.of("TABLE_NAME", "orders"));
    spec.setAlias(alias);
    spec.setKeepVersions(2);
    spec.setDeletionPolicy(DeletionPolicy.DELETE);
    var fn = new LmiFunction();
    fn.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    fn.setSpec(spec);
    return fn;
  }
}

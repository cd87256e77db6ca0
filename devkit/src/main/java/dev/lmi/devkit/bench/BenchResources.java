package dev.lmi.devkit.bench;

import dev.lmi.operator.api.AliasSpec;
import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderRef;
import dev.lmi.operator.api.CapacityProviderSpec;
import dev.lmi.operator.api.CodeSpec;
import dev.lmi.operator.api.FunctionScalingSpec;
import dev.lmi.operator.api.InstanceRequirementsSpec;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionSpec;
import dev.lmi.operator.api.LmiRuntime;
import dev.lmi.operator.api.S3Code;
import dev.lmi.operator.api.TagSelector;
import dev.lmi.operator.api.VpcSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;

/** The providers and functions a benchmark applies, wired to the emulator's default fixture. */
final class BenchResources {
  private BenchResources() {}

  static CapacityProvider provider(String name, String namespace) {
    var selector = new TagSelector();
    selector.setTags(Map.of("tier", "private"));
    var vpc = new VpcSpec();
    vpc.setSubnetSelector(selector);
    var ir = new InstanceRequirementsSpec();
    ir.setArchitecture(Architecture.ARM64);
    var spec = new CapacityProviderSpec();
    spec.setVpc(vpc);
    spec.setOperatorRoleArn("arn:aws:iam::123456789012:role/lmi-operator");
    spec.setInstanceRequirements(ir);
    spec.setAllowedNamespaces(List.of(namespace));
    var cp = new CapacityProvider();
    cp.setMetadata(new ObjectMetaBuilder().withName(name).build());
    cp.setSpec(spec);
    return cp;
  }

  static LmiFunction function(String namespace, String name, String provider) {
    var s3 = new S3Code();
    s3.setBucket("artifacts");
    s3.setKey(name + ".jar");
    s3.setObjectVersion("1");
    var code = new CodeSpec();
    code.setS3(s3);
    var ref = new CapacityProviderRef();
    ref.setName(provider);
    var scaling = new FunctionScalingSpec();
    scaling.setMinExecutionEnvironments(3);
    scaling.setMaxExecutionEnvironments(6);
    var alias = new AliasSpec();
    alias.setName("live");
    var spec = new LmiFunctionSpec();
    spec.setCapacityProviderRef(ref);
    spec.setRuntime(LmiRuntime.JAVA21);
    spec.setHandler("example.Handler::handleRequest");
    spec.setCode(code);
    spec.setRoleArn("arn:aws:iam::123456789012:role/fn");
    spec.setMemoryMiB(2048);
    spec.setMemoryGiBPerVCpu(2);
    spec.setArchitecture(Architecture.ARM64);
    spec.setScaling(scaling);
    spec.setAlias(alias);
    spec.setKeepVersions(2);
    var fn = new LmiFunction();
    fn.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    fn.setSpec(spec);
    return fn;
  }
}

package dev.lmi.operator.preview;

import dev.lmi.operator.aws.AliasGateway;
import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.aws.CapacityProviderGateway;
import dev.lmi.operator.aws.CodeSource;
import dev.lmi.operator.aws.DeleteOutcome;
import dev.lmi.operator.aws.EndpointRequest;
import dev.lmi.operator.aws.FunctionGateway;
import dev.lmi.operator.aws.FunctionSettings;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.aws.NetworkGateway;
import dev.lmi.operator.aws.ProviderFixed;
import dev.lmi.operator.aws.ProviderTunables;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.aws.RouteTableView;
import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.aws.SubnetView;
import dev.lmi.operator.aws.VersionView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gateways that read and can never write: every write throws before any call is made. The plan
 * command and dry runs plan through them, so a bug in planning cannot change AWS. CloudWatch is
 * passed through: its gateway only reads.
 */
public final class ReadOnlyGateways {
  private ReadOnlyGateways() {}

  /** A write was attempted where only reads are allowed. */
  public static final class WriteRefused extends IllegalStateException {
    WriteRefused(String operation) {
      super("refused to call " + operation + ": planning makes read calls only");
    }
  }

  /** The regions' gateways, each read-only. */
  public static RegionalGateways regional(RegionalGateways aws) {
    return new RegionalGateways() {
      @Override
      public Gateways forRegion(String region) {
        return of(aws.forRegion(region));
      }

      @Override
      public String defaultRegion() {
        return aws.defaultRegion();
      }
    };
  }

  public static Gateways of(Gateways gw) {
    return new Gateways(
        new Providers(gw.providers()),
        new Functions(gw.functions()),
        new Aliases(gw.aliases()),
        new Network(gw.network()),
        gw.metrics());
  }

  private record Providers(CapacityProviderGateway read) implements CapacityProviderGateway {
    public Optional<ProviderView> get(String name) {
      return read.get(name);
    }

    public ProviderView create(
        String name, ProviderFixed fixed, ProviderTunables tunables, Map<String, String> tags) {
      throw new WriteRefused("CreateCapacityProvider");
    }

    public ProviderView update(String name, ProviderTunables tunables) {
      throw new WriteRefused("UpdateCapacityProvider");
    }

    public DeleteOutcome delete(String name) {
      throw new WriteRefused("DeleteCapacityProvider");
    }

    public List<String> attachedVersions(String name) {
      return read.attachedVersions(name);
    }

    public Map<String, String> tags(String arn) {
      return read.tags(arn);
    }

    public void tag(String arn, Map<String, String> tags) {
      throw new WriteRefused("TagResource");
    }
  }

  private record Functions(FunctionGateway read) implements FunctionGateway {
    public Optional<FunctionView> get(String name) {
      return read.get(name);
    }

    public Created create(
        String name,
        FunctionSettings settings,
        CodeSource code,
        Map<String, String> tags,
        String description) {
      throw new WriteRefused("CreateFunction");
    }

    public void updateSettings(String name, FunctionSettings settings) {
      throw new WriteRefused("UpdateFunctionConfiguration");
    }

    public void updateCode(String name, CodeSource code, String architecture) {
      throw new WriteRefused("UpdateFunctionCode");
    }

    public VersionView publish(String name, String description) {
      throw new WriteRefused("PublishVersion");
    }

    public Optional<VersionView> version(String name, String version) {
      return read.version(name, version);
    }

    public List<VersionView> publishedVersions(String name) {
      return read.publishedVersions(name);
    }

    public void deleteVersion(String name, String version) {
      throw new WriteRefused("DeleteFunction");
    }

    public DeleteOutcome delete(String name) {
      throw new WriteRefused("DeleteFunction");
    }

    public void tag(String arn, Map<String, String> tags) {
      throw new WriteRefused("TagResource");
    }
  }

  private record Aliases(AliasGateway read) implements AliasGateway {
    public Optional<AliasView> get(String function, String alias) {
      return read.get(function, alias);
    }

    public AliasView create(String function, String alias, String version) {
      throw new WriteRefused("CreateAlias");
    }

    public AliasView update(String function, String alias, String version) {
      throw new WriteRefused("UpdateAlias");
    }

    public AliasView route(
        String function, String alias, String stable, String candidate, int weightPercent) {
      throw new WriteRefused("UpdateAlias");
    }

    public void delete(String function, String alias) {
      throw new WriteRefused("DeleteAlias");
    }

    public Optional<ScalingView> scaling(String function, String version) {
      return read.scaling(function, version);
    }

    public void putScaling(String function, String version, Integer min, Integer max) {
      throw new WriteRefused("PutFunctionScalingConfig");
    }
  }

  private record Network(NetworkGateway read) implements NetworkGateway {
    public List<SubnetView> subnets(List<String> ids) {
      return read.subnets(ids);
    }

    public List<SubnetView> subnetsByTags(Map<String, String> tags) {
      return read.subnetsByTags(tags);
    }

    public Map<String, String> securityGroups(List<String> ids) {
      return read.securityGroups(ids);
    }

    public Map<String, String> securityGroupsByTags(Map<String, String> tags) {
      return read.securityGroupsByTags(tags);
    }

    public List<RouteTableView> routeTables(String vpcId, List<String> subnetIds) {
      return read.routeTables(vpcId, subnetIds);
    }

    public Set<String> endpointServices(String vpcId) {
      return read.endpointServices(vpcId);
    }

    public String createEndpoint(EndpointRequest request) {
      throw new WriteRefused("CreateVpcEndpoint");
    }

    public List<String> deleteEndpoints(List<String> endpointIds, Set<String> ownerTags) {
      throw new WriteRefused("DeleteVpcEndpoints");
    }
  }
}

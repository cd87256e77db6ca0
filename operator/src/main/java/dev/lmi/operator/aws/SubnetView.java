package dev.lmi.operator.aws;

/** A subnet, its VPC and availability zone. */
public record SubnetView(String id, String vpcId, String availabilityZone) {}

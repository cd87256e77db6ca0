package dev.lmi.operator.aws;

/** A route table and whether it sends the default route to a NAT gateway. */
public record RouteTableView(String id, boolean natDefaultRoute) {}

package dev.lmi.emulator;

/**
 * The vCPUs a capacity provider's function versions hold (execution environments × vCPUs each, over
 * every Pending, Active or Deactivating version) against its MaxVCpuCount.
 */
public record ProviderCapacity(String capacityProviderArn, int vCpusInUse, int maxVCpuCount) {}

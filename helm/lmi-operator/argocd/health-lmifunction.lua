-- Argo CD health check for lmi.dev/LmiFunction (Lua 5.1, as Argo CD runs it).
-- Healthy: Ready=True for the current generation. Suspended: scaled to zero as the spec asks
-- (spec.suspend or a schedule's zero window), or the user holds the operator back (DryRun: the
-- lmi.dev/dry-run annotation; the plan is in status.plan). Degraded: a terminal reason (only a
-- change of the spec, of AWS or of IAM fixes it). Progressing: everything else, including reasons
-- this script does not know (safer than Degraded: the operator may be newer than the script).
-- CapacityWarning=True (a maximum the provider's ceiling cannot hold) is a warning in the message.
local hs = {}
local SUSPENDED = {
  Suspended = true, DryRun = true
}
local WAITING = {
  RollingOut = true,
  Creating = true, Provisioning = true, Updating = true, Publishing = true,
  ScalingInProgress = true, WaitingForProvider = true, ProviderNotFound = true,
  Retrying = true, Deleting = true, DeletionBlocked = true, CapacityExceeded = true
}
local TERMINAL = {
  RolledBack = true,
  InvalidSpec = true, NamespaceNotAllowed = true, TenancyViolation = true, ArchitectureMismatch = true,
  NotOwned = true, AdoptionConflict = true, CreateOnlyFieldChanged = true, InvalidNetwork = true,
  MissingVpcEndpoints = true, ProviderFailed = true, VersionFailed = true, UpdateFailed = true,
  NotLmiFunction = true, QuotaExceeded = true, AwsRejected = true
}

local function condition(ctype)
  if obj.status ~= nil and obj.status.conditions ~= nil then
    for _, c in ipairs(obj.status.conditions) do
      if c.type == ctype then
        return c
      end
    end
  end
  return nil
end

local function describe(c)
  if c.message ~= nil and c.message ~= "" then
    return c.reason .. ": " .. c.message
  end
  return c.reason
end

local generation = obj.metadata.generation
local ready = condition("Ready")

if obj.metadata.deletionTimestamp ~= nil then
  hs.status = "Progressing"
  hs.message = "Being deleted: the operator is removing the AWS resources before it releases its finalizer"
  if ready ~= nil and ready.reason ~= nil then
    hs.message = hs.message .. " (" .. describe(ready) .. ")"
  end
  return hs
end

if obj.status == nil or ready == nil or ready.reason == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report a Ready condition"
  return hs
end

local observed = obj.status.observedGeneration
if ready.observedGeneration ~= nil and (observed == nil or ready.observedGeneration < observed) then
  observed = ready.observedGeneration
end
if generation ~= nil and (observed == nil or observed < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
  return hs
end

local function warn(ctype, bad)
  local c = condition(ctype)
  if c ~= nil and c.status == bad then
    hs.message = hs.message .. " (warning: " .. describe(c) .. ")"
  end
end

if SUSPENDED[ready.reason] then
  hs.status = "Suspended"
  hs.message = describe(ready)
elseif ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready)
  warn("CapacityWarning", "True")
elseif TERMINAL[ready.reason] then
  hs.status = "Degraded"
  hs.message = describe(ready)
elseif WAITING[ready.reason] then
  hs.status = "Progressing"
  hs.message = describe(ready)
else
  hs.status = "Progressing"
  hs.message = "Unrecognised reason " .. describe(ready)
end
return hs

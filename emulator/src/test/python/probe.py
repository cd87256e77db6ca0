#!/usr/bin/env python3
"""A differential probe of the emulator with boto3 (an independent client and model).

For every emulated Lambda, EC2 and CloudWatch operation it sends valid requests, and invalid ones
generated from the botocore model's constraints (one member broken at a time: enum, length, pattern, range,
required), with boto3's own parameter validation off so the emulator is what judges them. Each
answer must parse with boto3; each invalid request must get the error AWS gives; a member of the wrong
JSON type must get a client error, never a server error. Prints every
failure, then the counts; exits 1 on any failure.

    python3 probe.py http://127.0.0.1:4566
"""
import copy
import datetime
import io
import json
import re
import sys
import urllib.error
import urllib.request
import zipfile

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
CONFIG = Config(
    parameter_validation=False, retries={"max_attempts": 1}, region_name="us-east-1")
ROLE = "arn:aws:iam::123456789012:role/probe"
LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3"
# Checked by hand against a newer model than botocore's (see RequestShapes in the emulator).
LMI_OPERATIONS = {
    "CreateCapacityProvider", "GetCapacityProvider", "UpdateCapacityProvider",
    "DeleteCapacityProvider", "ListCapacityProviders", "ListFunctionVersionsByCapacityProvider",
    "PutFunctionScalingConfig", "GetFunctionScalingConfig"}
LMI_MEMBERS = {"CapacityProviderConfig"}
CANDIDATES = ["has space", "!", "@@", "123", "-", "a:b:c", "Ab"]
results = {"passed": 0, "failed": []}


def client(service):
    return boto3.client(
        service, endpoint_url=ENDPOINT, config=CONFIG,
        aws_access_key_id="AKIDPROBE", aws_secret_access_key="secret")


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("app.py", "def handler(e, c):\n    return e\n")
    return buffer.getvalue()


def record(ok, what):
    if ok:
        results["passed"] += 1
    else:
        results["failed"].append(what)


def call(api, operation, params):
    """(status, code, message) of one call; a response boto3 cannot parse is a failure."""
    names = {op: method for method, op in api.meta.method_to_api_mapping.items()}
    method = getattr(api, names[operation])
    try:
        method(**params)
        return 200, None, ""
    except ClientError as e:
        error = e.response.get("Error", {})
        status = e.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return status, error.get("Code"), error.get("Message", "")
    except Exception as e:  # noqa: BLE001 - a parse failure is what the probe looks for
        return None, "unparsable: " + repr(e), ""


def camel(name):
    return name[0].lower() + name[1:]


def violations(shape, value_path, location):
    """(broken value, why) pairs that break this scalar shape's constraints."""
    meta = shape.metadata
    out = []
    if shape.type_name == "string":
        if shape.enum:
            out.append(("NotInTheEnum", "enum"))
        if "max" in meta and meta["max"] <= 5000:
            out.append(("a" * (meta["max"] + 1), "max length"))
        if meta.get("min", 0) >= 1 and location != "uri":
            out.append(("", "min length"))
        pattern = meta.get("pattern")
        if pattern and not shape.enum:
            try:
                compiled = re.compile(pattern)
            except re.error:
                compiled = None
            for candidate in CANDIDATES:
                fits = meta.get("min", 0) <= len(candidate) <= meta.get("max", 10**9)
                if compiled and fits and not compiled.fullmatch(candidate):
                    out.append((candidate, "pattern"))
                    break
    elif shape.type_name in ("integer", "long"):
        if "min" in meta:
            out.append((int(meta["min"]) - 1, "min value"))
        if "max" in meta:
            out.append((int(meta["max"]) + 1, "max value"))
    return out


def mutations(shape, baseline, prefix=""):
    """(params, expected message part) for each single broken member under this structure."""
    for name, member in shape.members.items():
        if name in LMI_MEMBERS or member.type_name == "blob":
            continue
        location = member.serialization.get("location")
        dotted = prefix + camel(name)
        value = baseline.get(name)
        if name in shape.required_members and value is not None and location is None:
            yield drop(baseline, name), "Value null at '%s'" % dotted
        for broken, expected in member_mutations(member, value, dotted, location):
            yield dict(baseline, **{name: broken}), expected


def member_mutations(member, value, dotted, location):
    """(broken value, expected message part) for one member, through lists and maps."""
    if member.type_name == "structure":
        yield from mutations(member, value or {}, dotted + ".")
    elif member.type_name == "list":
        most = member.metadata.get("max")
        if value and most is not None and most <= 100:
            yield value * (most + 1), "at '%s'" % dotted
        if value:
            for broken, expected in member_mutations(
                    member.member, value[0], dotted + ".1.member", None):
                yield [broken] + value[1:], expected
    elif member.type_name == "map":
        if value:
            key, first = next(iter(value.items()))
            for broken, _ in violations(member.key, dotted + ".key", None):
                yield {broken: first}, "at '%s.key'" % dotted
            for broken, expected in member_mutations(member.value, first, dotted + ".value", None):
                yield {key: broken}, expected
    else:
        for broken, _ in violations(member, dotted, location):
            yield broken, "at '%s'" % dotted


def drop(params, name):
    return {k: v for k, v in params.items() if k != name}


def lambda_baselines(arn):
    code = {"ZipFile": zip_bytes()}
    return {
        "CreateFunction": {
            "FunctionName": "probe-new", "Role": ROLE, "Runtime": "python3.12",
            "Handler": "app.handler", "Code": code, "Layers": [LAYER],
            "TracingConfig": {"Mode": "Active"}, "EphemeralStorage": {"Size": 1024},
            "LoggingConfig": {"LogFormat": "JSON", "LogGroup": "/aws/lambda/probe"},
            "DeadLetterConfig": {"TargetArn": "arn:aws:sqs:us-east-1:123456789012:dlq"},
            "ImageConfig": {"WorkingDirectory": "/var/task", "Command": ["run"]},
            "SnapStart": {"ApplyOn": "None"},
            "Architectures": ["x86_64"],
            "VpcConfig": {"SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"]},
            "Environment": {"Variables": {"TABLE": "orders"}},
            "FileSystemConfigs": [{
                "Arn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/"
                       "fsap-0123456789abcdef0",
                "LocalMountPath": "/mnt/data"}],
        },
        "GetFunction": {"FunctionName": "probe"},
        "GetFunctionConfiguration": {"FunctionName": "probe", "Qualifier": "$LATEST"},
        "UpdateFunctionConfiguration": {
            "FunctionName": "probe", "Description": "d", "Timeout": 9, "Layers": [LAYER],
            "Environment": {"Variables": {"TABLE": "orders"}}},
        "UpdateFunctionCode": {"FunctionName": "probe", "ZipFile": zip_bytes()},
        "PublishVersion": {"FunctionName": "probe", "Description": "v"},
        "ListVersionsByFunction": {"FunctionName": "probe", "MaxItems": 10},
        "ListFunctions": {"MaxItems": 10, "FunctionVersion": "ALL"},
        "CreateAlias": {"FunctionName": "probe", "Name": "fresh", "FunctionVersion": "1"},
        "GetAlias": {"FunctionName": "probe", "Name": "live"},
        "UpdateAlias": {"FunctionName": "probe", "Name": "live", "Description": "x"},
        "DeleteAlias": {"FunctionName": "probe", "Name": "gone"},
        "ListAliases": {"FunctionName": "probe", "FunctionVersion": "1", "MaxItems": 5},
        "DeleteFunction": {"FunctionName": "nothing-here", "Qualifier": "1"},
        "TagResource": {"Resource": arn, "Tags": {"k": "v"}},
        "UntagResource": {"Resource": arn, "TagKeys": ["k"]},
        "ListTags": {"Resource": arn},
        "Invoke": {"FunctionName": "probe", "InvocationType": "DryRun", "LogType": "None"},
    }


def probe_lambda():
    api = client("lambda")
    setup = [
        ("CreateFunction", {
            "FunctionName": "probe", "Role": ROLE, "Runtime": "python3.12",
            "Handler": "app.handler", "Code": {"ZipFile": zip_bytes()}, "Layers": [LAYER]}),
        ("PublishVersion", {"FunctionName": "probe"}),
        ("CreateAlias", {"FunctionName": "probe", "Name": "live", "FunctionVersion": "1"}),
    ]
    for operation, params in setup:
        status, code, message = call(api, operation, params)
        record(status == 200, "setup %s: got %s %s %s" % (operation, status, code, message[:160]))
    model = api.meta.service_model
    arn = "arn:aws:lambda:us-east-1:123456789012:function:probe"
    for operation, baseline in lambda_baselines(arn).items():
        if operation in LMI_OPERATIONS:
            continue
        shape = model.operation_model(operation).input_shape
        for params, expected in mutations(shape, baseline):
            status, code, message = call(api, operation, params)
            ok = status == 400 and code == "ValidationException" and expected in message
            record(ok, "%s %s: wanted 400 ValidationException with %r, got %s %s %s" % (
                operation, short(params), expected, status, code, message[:160]))
        status, code, message = call(api, operation, baseline)
        record(code is None or not code.startswith("unparsable") and code != "ValidationException",
               "%s valid request: got %s %s %s" % (operation, status, code, message[:160]))
    try:
        listed = api.list_functions()["Functions"]
        layers = [f.get("Layers") for f in listed if f["FunctionName"] == "probe"]
    except Exception as e:  # noqa: BLE001 - a parse failure is what the probe looks for
        layers = ["unparsable: %r" % e]
    record(layers == [[{"Arn": LAYER, "CodeSize": 0}]], "ListFunctions Layers: %r" % layers)


def probe_ec2():
    api = client("ec2")
    model = api.meta.service_model
    for operation in ("DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups",
                      "DescribeRouteTables", "DescribeVpcEndpoints", "DescribeAvailabilityZones"):
        shape = model.operation_model(operation).input_shape
        if "MaxResults" in shape.members:
            for value, why in violations(shape.members["MaxResults"], "maxResults", None):
                status, code, _ = call(api, operation, {"MaxResults": value})
                record(status == 400 and code == "InvalidParameterValue",
                       "%s MaxResults=%s (%s): got %s %s" % (operation, value, why, status, code))
        status, code, _ = call(api, operation, {"DryRun": True})
        record(status == 412 and code == "DryRunOperation",
               "%s DryRun: got %s %s" % (operation, status, code))
        status, code, _ = call(api, operation, {})
        record(status == 200, "%s valid request: got %s %s" % (operation, status, code))
    vpc = api.describe_vpcs()["Vpcs"][0]["VpcId"]
    create = model.operation_model("CreateVpcEndpoint").input_shape
    base = {"VpcId": vpc, "ServiceName": "com.amazonaws.us-east-1.s3"}
    for name in ("VpcEndpointType", "IpAddressType"):
        for value, why in violations(create.members[name], name, None):
            status, code, _ = call(api, "CreateVpcEndpoint", dict(base, **{name: value}))
            record(status == 400 and code == "InvalidParameterValue",
                   "CreateVpcEndpoint %s=%s: got %s %s" % (name, value, status, code))
    unknown = dict(base, ServiceName="com.amazonaws.us-east-1.no-such", VpcEndpointType="Interface")
    status, code, _ = call(api, "CreateVpcEndpoint", unknown)
    record(code == "InvalidServiceName", "CreateVpcEndpoint unknown service: got %s" % code)
    status, code, _ = call(api, "DeleteVpcEndpoints", {})
    record(code == "MissingParameter", "DeleteVpcEndpoints without ids: got %s" % code)


def cloudwatch_baselines():
    now = datetime.datetime.now(datetime.timezone.utc)
    metric = {"Namespace": "Probe", "MetricName": "Orders",
              "Dimensions": [{"Name": "Shop", "Value": "north"}]}
    return {
        "PutMetricData": {"Namespace": "Probe", "MetricData": [dict(
            MetricName="Orders", Dimensions=metric["Dimensions"], Value=1.0, Unit="Count",
            StorageResolution=60, Timestamp=now)]},
        "GetMetricData": {
            "StartTime": now - datetime.timedelta(minutes=5), "EndTime": now,
            "ScanBy": "TimestampAscending", "MaxDatapoints": 100,
            "LabelOptions": {"Timezone": "+0130"},
            "MetricDataQueries": [{"Id": "orders", "Label": "l", "ReturnData": True,
                                   "MetricStat": {"Metric": metric, "Period": 60,
                                                  "Stat": "Sum", "Unit": "Count"}}]},
        "GetMetricStatistics": dict(
            metric, StartTime=now - datetime.timedelta(minutes=5), EndTime=now, Period=60,
            Statistics=["Sum"], Unit="Count"),
        "ListMetrics": dict(
            Namespace="Probe", MetricName="Orders", RecentlyActive="PT3H",
            Dimensions=[{"Name": "Shop", "Value": "north"}]),
        "PutMetricAlarm": dict(
            metric, AlarmName="probe-alarm", AlarmDescription="d", Statistic="Sum", Period=60,
            EvaluationPeriods=2, DatapointsToAlarm=1, Threshold=1.0, Unit="Count",
            ComparisonOperator="GreaterThanThreshold", TreatMissingData="missing",
            AlarmActions=["arn:aws:sns:us-east-1:123456789012:topic"],
            Tags=[{"Key": "team", "Value": "x"}]),
        "DescribeAlarms": {"AlarmNames": ["probe-alarm"], "StateValue": "OK",
                           "AlarmTypes": ["MetricAlarm"], "MaxRecords": 10,
                           "ActionPrefix": "arn"},
        "SetAlarmState": {"AlarmName": "probe-alarm", "StateValue": "ALARM",
                          "StateReason": "probe", "StateReasonData": "{}"},
        "DeleteAlarms": {"AlarmNames": ["never-made"]},
    }


def probe_cloudwatch():
    """CloudWatch's requests, one member broken at a time: ValidationError, as the service says."""
    api = client("cloudwatch")
    model = api.meta.service_model
    for operation, baseline in cloudwatch_baselines().items():
        shape = model.operation_model(operation).input_shape
        for params, expected in mutations(shape, baseline):
            status, code, message = call(api, operation, params)
            ok = status == 400 and code == "ValidationError" and expected in message
            record(ok, "%s %s: wanted 400 ValidationError with %r, got %s %s %s" % (
                operation, short(params), expected, status, code, message[:160]))
        status, code, message = call(api, operation, baseline)
        wanted = "ResourceNotFound" if operation == "DeleteAlarms" else None
        record(code == wanted, "%s valid request: got %s %s %s" % (
            operation, status, code, message[:160]))


WEIRD = [None, -1, 1.5, "", [], ["s"], {"a": 1}, True, 10**30]
RAW_BASES = [
    ("POST", "/2025-11-30/capacity-providers", {
        "CapacityProviderName": "typed",
        "VpcConfig": {"SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"]},
        "PermissionsConfig": {
            "CapacityProviderOperatorRoleArn": "arn:aws:iam::123456789012:role/op"},
        "CapacityProviderScalingConfig": {"MaxVCpuCount": 8, "ScalingPolicies": [
            {"PredefinedMetricType": "LambdaCapacityProviderAverageCPUUtilization",
             "TargetValue": 50}]}}),
    ("POST", "/2015-03-31/functions", {
        "FunctionName": "typed", "Role": ROLE, "Runtime": "java21", "Handler": "h",
        "Code": {"S3Bucket": "bucket", "S3Key": "k"}, "Layers": [LAYER],
        "VpcConfig": {"SubnetIds": ["subnet-1"]}, "Environment": {"Variables": {"AB": "1"}},
        "CapacityProviderConfig": {"LambdaManagedInstancesCapacityProviderConfig": {
            "CapacityProviderArn":
                "arn:aws:lambda:us-east-1:123456789012:capacity-provider:typed"}}}),
    ("POST", "/2015-03-31/functions/probe/aliases", {
        "Name": "typed", "FunctionVersion": "1",
        "RoutingConfig": {"AdditionalVersionWeights": {"1": 0.5}}}),
    ("PUT", "/2025-11-30/functions/probe/function-scaling-config?Qualifier=1", {
        "FunctionScalingConfig": {"MinExecutionEnvironments": 1}}),
    ("POST", "/", {"Namespace": "Typed", "MetricData": [{
        "MetricName": "m", "Timestamp": 1.8e9, "Values": [1.0], "Counts": [1.0],
        "StatisticValues": {"SampleCount": 1, "Sum": 1, "Minimum": 1, "Maximum": 1},
        "Dimensions": [{"Name": "d", "Value": "v"}], "StorageResolution": 1}]},
     "PutMetricData"),
    ("POST", "/", {"AlarmName": "typed", "Namespace": "Typed", "MetricName": "m",
                   "Statistic": "Sum", "Period": 60, "EvaluationPeriods": 1, "Threshold": 1,
                   "ComparisonOperator": "GreaterThanThreshold",
                   "Dimensions": [{"Name": "d", "Value": "v"}], "AlarmActions": ["a"]},
     "PutMetricAlarm"),
    ("POST", "/", {"StartTime": 1.8e9, "EndTime": 1.9e9, "MetricDataQueries": [{
        "Id": "q", "MetricStat": {"Metric": {"Namespace": "Typed", "MetricName": "m"},
                                  "Period": 60, "Stat": "Sum"}}]}, "GetMetricData"),
]


def paths(value, path=()):
    yield path
    items = value.items() if isinstance(value, dict) else (
        enumerate(value) if isinstance(value, list) else [])
    for key, inner in items:
        yield from paths(inner, path + (key,))


def replaced(value, path, new):
    if not path:
        return new
    value = copy.deepcopy(value)
    target = value
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return value


def probe_wrong_types():
    """Every member of a few bodies given a value of the wrong JSON type: a 4xx, never a 5xx."""
    for method, path, base, *cloudwatch in RAW_BASES:
        headers = {"Content-Type": "application/json"}
        if cloudwatch:
            headers = {"Content-Type": "application/x-amz-json-1.0",
                       "X-Amz-Target": "GraniteServiceVersion20100801." + cloudwatch[0]}
        for where in paths(base):
            for weird in WEIRD:
                body = json.dumps(replaced(base, where, weird)).encode()
                request = urllib.request.Request(
                    ENDPOINT + path, data=body, method=method, headers=headers)
                try:
                    status = urllib.request.urlopen(request, timeout=10).status
                except urllib.error.HTTPError as e:
                    status = e.code
                record(status < 500, "%s %s with %s = %r: got %s" % (
                    method, path, ".".join(map(str, where)), weird, status))


def short(params):
    text = repr({k: v for k, v in params.items() if k not in ("Code", "ZipFile")})
    return text if len(text) < 200 else text[:200] + "..."


if __name__ == "__main__":
    probe_lambda()
    probe_ec2()
    probe_cloudwatch()
    probe_wrong_types()
    for failure in results["failed"]:
        print("FAILED " + failure)
    print("boto3 probe: %d answers as AWS gives them, %d differences"
          % (results["passed"], len(results["failed"])))
    sys.exit(1 if results["failed"] else 0)

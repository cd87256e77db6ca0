#!/usr/bin/env python3
"""CloudWatch through independent clients: boto3 in each protocol its model lists (Smithy RPC v2
CBOR, which botocore picks, then AWS JSON 1.0 and AWS Query, forced by loading a copy of the model
that lists only one), and the AWS CLI v1. Every client must read every answer, and see the error
codes AWS gives. Prints each failure, then the counts; exits 1 on any failure.

    python3 cloudwatch_clients.py http://127.0.0.1:4566
"""
import datetime
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

import boto3
import botocore
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
KEYS = {"aws_access_key_id": "AKIDCW", "aws_secret_access_key": "secret"}
failures = []
passed = [0]


def check(ok, what):
    if ok:
        passed[0] += 1
    else:
        failures.append(what)


def model_forcing(protocol, root):
    """A botocore data folder whose CloudWatch model lists only this protocol."""
    source = os.path.join(os.path.dirname(botocore.__file__), "data", "cloudwatch", "2010-08-01")
    target = os.path.join(root, protocol, "cloudwatch", "2010-08-01")
    os.makedirs(target)
    with gzip.open(os.path.join(source, "service-2.json.gz")) as f:
        model = json.load(f)
    model["metadata"]["protocol"] = protocol
    model["metadata"]["protocols"] = [protocol]
    with open(os.path.join(target, "service-2.json"), "w") as f:
        json.dump(model, f)
    for name in os.listdir(source):
        if not name.startswith("service-2"):
            shutil.copy(os.path.join(source, name), target)
    return os.path.join(root, protocol)


def client(data_path=None):
    session = botocore.session.get_session()
    if data_path:
        session.get_component("data_loader").search_paths.insert(0, data_path)
    return boto3.Session(botocore_session=session).client(
        "cloudwatch", endpoint_url=ENDPOINT, region_name="us-east-1",
        config=Config(retries={"max_attempts": 1}), **KEYS)


def error_code(call):
    try:
        call()
        return "no error"
    except ClientError as e:
        return "%s %s" % (e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])


def scenario(cw, tag):
    protocol = cw.meta.service_model.protocol
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    namespace = "Probe/" + tag
    cw.put_metric_data(Namespace=namespace, MetricData=[
        {"MetricName": "Orders", "Value": 2.0, "Unit": "Count",
         "Dimensions": [{"Name": "Shop", "Value": "north"}]},
        {"MetricName": "Orders", "Values": [1.0, 5.0], "Counts": [1.0, 2.0],
         "Dimensions": [{"Name": "Shop", "Value": "north"}]}])
    data = cw.get_metric_data(
        StartTime=now - datetime.timedelta(minutes=5), EndTime=now + datetime.timedelta(minutes=5),
        MetricDataQueries=[{"Id": "orders", "MetricStat": {
            "Metric": {"Namespace": namespace, "MetricName": "Orders",
                       "Dimensions": [{"Name": "Shop", "Value": "north"}]},
            "Period": 60, "Stat": "Sum"}}])
    result = data["MetricDataResults"][0]
    check(sum(result["Values"]) == 13.0, "%s: GetMetricData Sum %s" % (tag, result))
    check(all(isinstance(t, datetime.datetime) for t in result["Timestamps"]),
          "%s: timestamps parse as datetimes: %s" % (tag, result["Timestamps"]))
    stats = cw.get_metric_statistics(
        Namespace=namespace, MetricName="Orders", Dimensions=[{"Name": "Shop", "Value": "north"}],
        StartTime=now - datetime.timedelta(minutes=5), EndTime=now + datetime.timedelta(minutes=5),
        Period=300, Statistics=["Maximum", "SampleCount"])
    points = stats["Datapoints"]
    check(sum(p["SampleCount"] for p in points) == 4.0 and max(p["Maximum"] for p in points) == 5.0,
          "%s: GetMetricStatistics %s" % (tag, points))
    listed = cw.list_metrics(Namespace=namespace)["Metrics"]
    check(listed == [{"Namespace": namespace, "MetricName": "Orders",
                      "Dimensions": [{"Name": "Shop", "Value": "north"}]}],
          "%s: ListMetrics %s" % (tag, listed))
    for i in range(3):
        cw.put_metric_alarm(
            AlarmName="%s-alarm-%d" % (tag, i), Namespace=namespace, MetricName="Orders",
            Statistic="Sum", Period=60, EvaluationPeriods=1, Threshold=100.0,
            ComparisonOperator="GreaterThanThreshold", TreatMissingData="notBreaching",
            Dimensions=[{"Name": "Shop", "Value": "north"}], Tags=[{"Key": "team", "Value": "x"}])
    cw.set_alarm_state(AlarmName=tag + "-alarm-1", StateValue="ALARM", StateReason="tripped",
                       StateReasonData='{"by":"probe"}')
    pages = cw.get_paginator("describe_alarms").paginate(
        AlarmNamePrefix=tag + "-", PaginationConfig={"PageSize": 2})
    alarms = [a for page in pages for a in page["MetricAlarms"]]
    check([a["AlarmName"] for a in alarms] == [tag + "-alarm-%d" % i for i in range(3)],
          "%s: DescribeAlarms pages %s" % (tag, [a["AlarmName"] for a in alarms]))
    tripped = [a for a in alarms if a["AlarmName"] == tag + "-alarm-1"][0]
    check(tripped["StateValue"] == "ALARM" and tripped["StateReason"] == "tripped",
          "%s: SetAlarmState visible %s" % (tag, tripped))
    check(isinstance(tripped["StateUpdatedTimestamp"], datetime.datetime)
          and tripped["Dimensions"] == [{"Name": "Shop", "Value": "north"}]
          and tripped["Threshold"] == 100.0,
          "%s: alarm members %s" % (tag, tripped))
    in_alarm = cw.describe_alarms(StateValue="ALARM", AlarmNamePrefix=tag)["MetricAlarms"]
    check([a["AlarmName"] for a in in_alarm] == [tag + "-alarm-1"], "%s: StateValue filter" % tag)
    cw.delete_alarms(AlarmNames=[tag + "-alarm-%d" % i for i in range(3)])
    check(cw.describe_alarms(AlarmNamePrefix=tag)["MetricAlarms"] == [], "%s: deleted" % tag)
    expected = {
        "unknown alarm": (lambda: cw.set_alarm_state(
            AlarmName="nope", StateValue="OK", StateReason="r"), "ResourceNotFound 404"),
        "enum": (lambda: cw.set_alarm_state(
            AlarmName="nope", StateValue="MAYBE", StateReason="r"), "ValidationError 400"),
        "AWS namespace": (lambda: cw.put_metric_data(
            Namespace="AWS/Lambda", MetricData=[{"MetricName": "Errors", "Value": 1.0}]),
            "InvalidParameterValue 400"),
        "names and prefix": (lambda: cw.describe_alarms(AlarmNames=["a"], AlarmNamePrefix="a"),
                             "InvalidParameterCombination 400"),
        "forged token": (lambda: cw.describe_alarms(NextToken="forged"), "InvalidNextToken 400"),
    }
    for what, (call, code) in expected.items():
        got = error_code(call)
        check(got == code, "%s: %s answered %s, expected %s" % (tag, what, got, code))
    return protocol


def cli():
    env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDCLI", AWS_SECRET_ACCESS_KEY="secret",
               AWS_DEFAULT_REGION="us-east-1")
    base = ["aws", "--endpoint-url", ENDPOINT, "--output", "json", "cloudwatch"]

    def run(*args):
        return subprocess.run(base + list(args), env=env, capture_output=True, text=True,
                              timeout=60)

    put = run("put-metric-data", "--namespace", "Probe/cli", "--metric-name", "Orders",
              "--value", "3")
    check(put.returncode == 0, "cli: put-metric-data %s" % put.stderr)
    run("put-metric-alarm", "--alarm-name", "cli-alarm", "--namespace", "Probe/cli",
        "--metric-name", "Orders", "--statistic", "Sum", "--period", "60",
        "--evaluation-periods", "1", "--threshold", "1",
        "--comparison-operator", "GreaterThanThreshold")
    trip = run("set-alarm-state", "--alarm-name", "cli-alarm", "--state-value", "ALARM",
               "--state-reason", "from the cli")
    check(trip.returncode == 0, "cli: set-alarm-state %s" % trip.stderr)
    described = run("describe-alarms", "--alarm-names", "cli-alarm")
    alarms = json.loads(described.stdout or "{}").get("MetricAlarms", [])
    check(len(alarms) == 1 and alarms[0]["StateValue"] == "ALARM",
          "cli: describe-alarms %s %s" % (described.stdout, described.stderr))
    missing = run("set-alarm-state", "--alarm-name", "nope", "--state-value", "OK",
                  "--state-reason", "r")
    check(missing.returncode != 0 and "ResourceNotFound" in missing.stderr,
          "cli: missing alarm %s" % missing.stderr)


def main():
    root = tempfile.mkdtemp()
    try:
        protocols = [scenario(client(), "default")]
        for protocol in ("json", "query"):
            protocols.append(scenario(client(model_forcing(protocol, root)), protocol))
        check(protocols == ["smithy-rpc-v2-cbor", "json", "query"],
              "protocols spoken: %s" % protocols)
        if shutil.which("aws"):
            cli()
        else:
            print("aws CLI not installed; CLI checks skipped")
    finally:
        shutil.rmtree(root)
    for f in failures:
        print("FAIL", f)
    print("%d checks passed, %d failed (protocols: smithy-rpc-v2-cbor, json, query)"
          % (passed[0], len(failures)))
    sys.exit(1 if failures else 0)


main()

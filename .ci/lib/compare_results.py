"""Compares the results two tools registered for the same playbook, key by key.

Usage: compare_results.py EXPECTED.json ACTUAL.json
Each file is a JSON dict of registered results (a playbook writes it with to_nice_json).
Resource ids (vpc-..., subnet-..., igw-..., nat-..., eipalloc-...), Elastic IP addresses and
MAC addresses differ between two fresh endpoints, so each is replaced by its kind and the order
in which it first appears in its file; timestamps (create_time, attach_time) become a
placeholder; request ids and dates, which differ on every call, are left out, as are a failed
Python module's traceback and boto3/botocore versions. Prints every path whose value differs
and exits 1 if there is one.
"""
import json
import re
import sys

ID = re.compile(
    r"\b(subnet-cidr-assoc|vpc-cidr-assoc|subnet|vpc|igw|rtb|rtbassoc|acl|aclassoc|sg|eni-attach|eni|i|dopt"
    r"|nat|eipalloc|eipassoc|key)-[0-9a-f]{8,17}\b")
# rolehop local's Elastic IPs (198.18.0.0/15, drawn at random; dashed in DNS names) and MAC addresses.
PUBLIC_IP = re.compile(r"\b198([.-])1[89]\1\d{1,3}\1\d{1,3}\b")
MAC = re.compile(r"\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b")
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?$")
IPV6 = re.compile(r"\b2600:1f[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}\b")
VOLATILE = {"request_id", "x-amzn-requestid", "date", "content-length"}
# What only a failed Python module adds: its traceback and the versions of boto3 and botocore
# (rolehop never prints a stack trace).
PYTHON_ONLY = {"exception", "boto3_version", "botocore_version"}


def normalise(value, seen):
    def rename(match):
        return seen.setdefault(match.group(0), "%s-<%d>" % (match.group(1), len(seen) + 1))

    if isinstance(value, dict):
        return {k: normalise(v, seen) for k, v in value.items() if k not in VOLATILE | PYTHON_ONLY}
    if isinstance(value, list):
        return [normalise(v, seen) for v in value]
    if isinstance(value, str):
        if TIME.match(value):
            return "<time>"
        value = ID.sub(rename, value)
        value = PUBLIC_IP.sub(
            lambda m: seen.setdefault(m.group(0).replace("-", "."), "ip-<%d>" % (len(seen) + 1)), value)
        value = MAC.sub(lambda m: seen.setdefault(m.group(0), "mac-<%d>" % (len(seen) + 1)), value)
        return IPV6.sub(lambda m: seen.setdefault(m.group(0), "ipv6-<%d>" % (len(seen) + 1)), value)
    return value


def differences(expected, actual, path):
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            where = "%s.%s" % (path, key)
            if key not in actual:
                yield "%s: missing (expected %s)" % (where, json.dumps(expected[key]))
            elif key not in expected:
                yield "%s: unexpected %s" % (where, json.dumps(actual[key]))
            else:
                yield from differences(expected[key], actual[key], where)
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for i, (e, a) in enumerate(zip(expected, actual)):
            yield from differences(e, a, "%s[%d]" % (path, i))
    elif expected != actual:
        yield "%s: expected %s, got %s" % (path, json.dumps(expected), json.dumps(actual))


def main(expected_file, actual_file):
    with open(expected_file) as f:
        expected = normalise(json.load(f), {})
    with open(actual_file) as f:
        actual = normalise(json.load(f), {})
    found = list(differences(expected, actual, "results"))
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

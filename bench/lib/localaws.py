"""Starts `rolehop local` endpoints for the benchmarks and reads their demo world."""
import base64
import hmac
import json
import os
import re
import secrets
import shutil
import string
import struct
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROLEHOP = os.path.join(ROOT, "rolehop")
MFA_SERIAL = "arn:aws:iam::111111111111:mfa/alice"


def dist_rolehop():
    """The built distribution's bin/rolehop (built by ./rolehop on first use): timed runs call it
    directly, so the source launcher's freshness check is not measured."""
    subprocess.run([ROLEHOP, "--version"], check=True, stdout=subprocess.DEVNULL)
    version = "0.1.0-SNAPSHOT"
    return os.path.join(ROOT, "cli", "target", f"rolehop-{version}", f"rolehop-{version}", "bin", "rolehop")


def fresh_cds_archive(rolehop):
    """Starts from a fresh build's state: deletes the launcher's class-data-sharing archive, runs a
    play of one `debug` task (engine only: no AWS) as the first command, untimed, and waits for the
    archive the launcher dumps in the background. The archive comes from the class list of the
    build's training run, so it serves every benchmark's workload whatever ran first; the first
    command here is the one that once left the SDK out of it."""
    lib = os.path.join(os.path.dirname(os.path.dirname(rolehop)), "lib")
    wait_for_dump(lib)  # one an earlier run started (dist_rolehop's --version, say)
    for name in os.listdir(lib):
        if name.startswith("rolehop-") and ".jsa" in name:
            path = os.path.join(lib, name)
            os.rmdir(path) if os.path.isdir(path) else os.remove(path)
    folder = tempfile.mkdtemp(prefix="rolehop-bench-first-")
    with open(os.path.join(folder, "hello.yml"), "w") as f:
        f.write("- hosts: localhost\n  gather_facts: false\n  tasks:\n    - debug:\n        msg: hello\n")
    run = subprocess.run([rolehop, "play", "hello.yml"], cwd=folder, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    shutil.rmtree(folder)
    if run.returncode != 0:
        raise SystemExit(f"the first run failed (exit {run.returncode}):\n{run.stdout[-3000:]}")
    wait_for_dump(lib)
    if not any(name.startswith("rolehop-") and name.endswith(".jsa") for name in os.listdir(lib)):
        raise SystemExit("the launcher dumped no class-data-sharing archive in " + lib)


def wait_for_dump(lib):
    """Waits while the launcher dumps an archive in the background (its lock is there)."""
    deadline = time.time() + 120
    while any(name.endswith(".lock") for name in os.listdir(lib)) and time.time() < deadline:
        time.sleep(0.5)


class Endpoint:
    """A fresh `rolehop local` with its own state; counts the requests it logs."""

    def __init__(self, world, state):
        self.log = open(state + ".log", "w+")
        self.proc = subprocess.Popen([ROLEHOP, "local", "--world", world, "--state", state, "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("endpoint: "):
            raise SystemExit("rolehop local did not start: " + line)
        self.url = line.split(" ", 1)[1].strip()

    def requests(self):
        """How many AWS requests the endpoint has served so far (one log line each)."""
        self.log.flush()
        with open(self.log.name) as f:
            return sum(1 for line in f if re.search(r"\b(sts|iam|ec2)\b", line))

    def served_seconds(self):
        """The time the endpoint spent answering, summed over its log (each line ends with its duration)."""
        self.log.flush()
        with open(self.log.name) as f:
            return sum(int(m.group(1)) for m in (re.search(r" (\d+)ms$", line) for line in f) if m) / 1000

    def close(self):
        self.proc.terminate()
        self.proc.wait(10)
        self.log.close()


def demo_world():
    """Writes a demo world in a new temporary folder; returns the folder."""
    folder = tempfile.mkdtemp(prefix="rolehop-bench-")
    subprocess.run([ROLEHOP, "local", "init", folder], check=True, stdout=subprocess.DEVNULL)
    return folder


def totp(world, at=None):
    """The demo MFA device's code at a time (RFC 6238: SHA-1, 6 digits, 30 s)."""
    with open(world) as f:
        seed = re.search(r"^\s*seed:\s*\"?([A-Z2-7=]+)", f.read(), re.M).group(1)
    key = base64.b32decode(seed + "=" * (-len(seed) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), "sha1").digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def aws_env(folder, endpoint):
    """The environment both tools run with: the demo's AWS files, the endpoint, a private HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    home = os.path.join(folder, "home")
    os.makedirs(home, exist_ok=True)
    env.update({"AWS_CONFIG_FILE": os.path.join(folder, "aws", "config"),
                "AWS_SHARED_CREDENTIALS_FILE": os.path.join(folder, "aws", "credentials"),
                "AWS_ENDPOINT_URL": endpoint, "AWS_URL": endpoint, "HOME": home,
                "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                "ANSIBLE_NOCOLOR": "1", "NO_COLOR": "1", "ANSIBLE_LOCALHOST_WARNING": "false"})
    return env


FIVE_ACCOUNTS = [f"3333333333{n:02d}" for n in range(1, 6)]


def five_account_world(prefix, world_extra=None):
    """A new temporary folder with world.yml and aws/{config,credentials}: user automation (all
    actions allowed) in jump account 111111111111, whose default profile holds its keys, and a role
    automation trusting the jump account in each of FIVE_ACCOUNTS, plus world_extra's top-level
    sections (say, images); returns the folder."""
    folder = tempfile.mkdtemp(prefix=prefix)
    key_id = "AKIA" + "".join(secrets.choice(string.ascii_uppercase + "234567") for _ in range(16))
    secret = secrets.token_urlsafe(30)
    admin = [{"name": "admin", "document": {"Version": "2012-10-17",
                                            "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]
    trust_jump = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]}
    world = {"accounts": [{"id": "111111111111", "alias": "jump", "regions": ["us-east-1"],
                           "users": [{"name": "automation", "access_keys": [{"id": key_id, "secret": secret}],
                                      "policies": admin}]}]
             + [{"id": account, "regions": ["us-east-1"],
                 "roles": [{"name": "automation", "trust_policy": trust_jump, "policies": admin}]}
                for account in FIVE_ACCOUNTS]}
    world.update(world_extra or {})
    os.makedirs(os.path.join(folder, "aws"))
    with open(os.path.join(folder, "world.yml"), "w") as f:
        json.dump(world, f, indent=2)  # JSON is YAML: the world loader reads it as it is
    with open(os.path.join(folder, "aws", "config"), "w") as f:
        f.write("[default]\nregion = us-east-1\n")
    with open(os.path.join(folder, "aws", "credentials"), "w") as f:
        f.write(f"[default]\naws_access_key_id = {key_id}\naws_secret_access_key = {secret}\n")
    return folder

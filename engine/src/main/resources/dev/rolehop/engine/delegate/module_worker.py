# rolehop's module worker: runs Ansible modules with the installed ansible-core's own code.
#
# One worker serves one `rolehop play` run. It imports ansible's module_utils once, then forks a
# child per module invocation, so each module starts from a clean, already-warm interpreter, as
# cheaply as a fork. The child runs the module as AnsiballZ would (the module as __main__, its
# arguments in ansible.module_utils.basic._ANSIBLE_ARGS), with stdout and stderr captured in files
# and the task's environment; the worker reports rc, stdout and stderr, and the module's JSON as
# Ansible's action plugin parses it (_filter_non_json_lines, json.loads).
#
# Protocol (one JSON document per line): the worker first says what it is ({"probe": {...}}: its
#   Python, ansible-core's folder and version, or why it cannot import ansible); rolehop then writes
#   a config line, the worker answers {"ready": true}; then requests {"op": "run", "id": N, ...},
#   {"op": "prepare", ...} and {"op": "kill", "id": N}, one response per run: {"id": N, "rc": ...}.
#   End of input ends the worker (and its children). Arguments: folders to add to sys.path.
#
# Modules the children imported from a short list of libraries (boto3, botocore, ansible's and the
# collections' module_utils) are imported by the worker itself after the response is sent, so later
# children find them loaded: boto3's import cost is paid once per run, not once per task.
#
# Keep it runnable on Python 3.6+ (an ansible_python_interpreter may be old).

import json
import os
import re
import select
import shlex
import shutil
import signal
import sys
import tempfile
import time
import traceback

PROTOCOL_OUT = None
PIDFD = False
CLOSE_IN_CHILD = set()
CONFIG = {}
FILTER = None
WARM_PREFIXES = ("boto3", "botocore", "s3transfer", "dateutil", "jmespath", "urllib3")
WARM_PATTERN = re.compile(r"^(ansible\.module_utils(\..*)?|ansible_collections\.[^.]+\.[^.]+\.plugins\.module_utils(\..*)?)$")

REPLACER = b"#<<INCLUDE_ANSIBLE_MODULE_COMMON>>"
REPLACER_JSONARGS = b"<<INCLUDE_ANSIBLE_MODULE_JSON_ARGS>>"
REPLACER_WINDOWS = b"# POWERSHELL_COMMON"
NEW_STYLE_PYTHON_MODULE_RE = re.compile(
    br'(?:from +\.{2,} *module_utils.* +import |'
    br'from +ansible_collections\.[^.]+\.[^.]+\.plugins\.module_utils.* +import |'
    br'import +ansible_collections\.[^.]+\.[^.]+\.plugins\.module_utils.*|'
    br'from +ansible\.module_utils.* +import |'
    br'import +ansible\.module_utils\.)'
)
TEXT_CHARS = bytearray(set([7, 8, 9, 10, 12, 13, 27]) | set(range(0x20, 0x100)) - set([0x7f]))


def send(message):
    PROTOCOL_OUT.write((json.dumps(message) + "\n").encode("utf-8"))
    PROTOCOL_OUT.flush()


def filter_non_json_lines(data):
    """ansible.module_utils.json_utils._filter_non_json_lines(data, objects_only=True)."""
    warnings = []
    lines = data.splitlines()
    for start, line in enumerate(lines):
        line = line.strip()
        if line.startswith(u'{'):
            break
    else:
        raise ValueError('No start of json char found')
    lines = lines[start:]
    for reverse_end_offset, line in enumerate(reversed(lines)):
        if line.strip().endswith(u'}'):
            break
    else:
        raise ValueError('No end of json char found')
    if reverse_end_offset > 0:
        trailing_junk = lines[len(lines) - reverse_end_offset:]
        for line in trailing_junk:
            if line.strip():
                warnings.append('Module invocation had junk after the JSON data: %s' % '\n'.join(trailing_junk))
                break
    lines = lines[:(len(lines) - reverse_end_offset)]
    return ('\n'.join(lines), warnings)


def module_style(data):
    """The module's style, as ansible's module_common decides it."""
    if bool(data[:1024].translate(None, TEXT_CHARS)):
        return "binary"
    if REPLACER in data or NEW_STYLE_PYTHON_MODULE_RE.search(data):
        return "new"
    if REPLACER_WINDOWS in data or b"#Requires -Module" in data or b"#Requires -Version" in data \
            or b"#AnsibleRequires -OSVersion" in data or b"#AnsibleRequires -Powershell" in data \
            or b"#AnsibleRequires -CSharpUtil" in data:
        return "powershell"
    if REPLACER_JSONARGS in data:
        return "jsonargs"
    if b"WANT_JSON" in data:
        return "non_native_want_json"
    return "old"


def shebang(data):
    first = data.split(b"\n", 1)[0]
    if not first.startswith(b"#!"):
        return None
    return first[2:].decode("utf-8", "replace").strip()


def main():
    global PROTOCOL_OUT, CONFIG, FILTER
    # The protocol keeps the real stdout; anything else printed in this process goes to stderr.
    PROTOCOL_OUT = os.fdopen(os.dup(1), "wb")
    CLOSE_IN_CHILD.add(PROTOCOL_OUT.fileno())
    os.dup2(2, 1)
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path = [p for p in sys.path if p not in ("", ".", here)]
    # Another interpreter than ansible-core's own is given the folder that holds it.
    for path in sys.argv[1:]:
        if path not in sys.path:
            sys.path.append(path)
    # First, what rolehop's search for ansible-core asks every candidate interpreter (the first
    # that can import it becomes this run's worker).
    probe = {"executable": sys.executable, "python_version": sys.version.split()[0]}
    try:
        import ansible
        import ansible.release
    except Exception as e:
        probe["error"] = "%s: %s" % (type(e).__name__, e)
        send({"probe": probe})
        return 1
    probe["ansible"] = os.path.dirname(os.path.abspath(ansible.__file__))
    probe["version"] = ansible.release.__version__
    probe["roots"] = [os.path.abspath(p or ".") for p in sys.path
                      if os.path.isdir(os.path.join(p or ".", "ansible_collections"))]
    send({"probe": probe})
    stdin_fd = sys.stdin.fileno()
    pending = b""
    while b"\n" not in pending:
        chunk = os.read(stdin_fd, 1 << 16)
        if not chunk:
            return 0
        pending += chunk
    line, pending = pending.split(b"\n", 1)
    CONFIG = json.loads(line.decode("utf-8"))
    try:
        from ansible.module_utils import basic  # noqa: F401  (the import every module makes, paid once)
        import runpy  # noqa: F401
    except Exception as e:
        send({"fatal": "%s cannot import ansible-core's module_utils: %s: %s" % (sys.executable, type(e).__name__, e)})
        return 1
    try:
        from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder
        finder = _AnsibleCollectionFinder(paths=CONFIG.get("collections_paths", []),
                                          scan_sys_paths=CONFIG.get("scan_sys_path", True))
        finder._install()
        # Ansible's finder answers every import of ansible.* through ansible-core's routing (ten
        # thousand lines of YAML read on first use). As in AnsiballZ, where a module's imports were
        # resolved before it ran, ansible.* is left to the normal import and goes through the routing
        # only when it finds nothing (a legacy `from ansible.module_utils.ec2 import ...` is redirected
        # to amazon.aws); ansible_collections.* goes through the finder first.
        sys.meta_path.remove(finder)
        sys.meta_path.insert(0, _Only(finder, "ansible_collections"))
        sys.meta_path.append(_Only(finder, "ansible"))
        sys.meta_path.append(_LegacyModuleUtils())
    except Exception:
        # An older Python than ansible-core's controller needs: collections import as plain packages.
        for root in CONFIG.get("collections_paths", []) + CONFIG.get("collection_roots", []):
            if os.path.isdir(os.path.join(root, "ansible_collections")) and root not in sys.path:
                sys.path.append(root)
    FILTER = filter_non_json_lines
    global PIDFD
    PIDFD = pidfd_works()
    # Ctrl-C is rolehop's to handle: it ends the run, which closes this worker's input.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    send({"ready": True, "python": sys.executable, "python_version": sys.version.split()[0],
          "ansible": ansible.release.__version__, "pid": os.getpid()})
    return serve(stdin_fd, pending)


class _Only(object):
    """Ansible's collection finder, asked only about one top-level package."""

    def __init__(self, finder, toplevel):
        self.finder = finder
        self.toplevel = toplevel

    def find_spec(self, fullname, path, target=None):
        if fullname.split(".")[0] != self.toplevel:
            return None
        return self.finder.find_spec(fullname, path, target)

    def find_module(self, fullname, path=None):
        if fullname.split(".")[0] != self.toplevel:
            return None
        return self.finder.find_module(fullname, path)


class _Alias(object):
    """A loader whose module is another one, already imported."""

    def __init__(self, target):
        self.target = target

    def create_module(self, spec):
        return self.target

    def exec_module(self, module):
        pass


class _LegacyModuleUtils(object):
    """ansible.module_utils.NAME that ansible-core no longer has, redirected as its routing says
    (plugin_routing.module_utils in ansible_builtin_runtime.yml: ec2 -> amazon.aws.ec2), as
    AnsiballZ's module_utils finder redirects them when it builds a module's payload."""

    PREFIX = "ansible.module_utils."

    def find_spec(self, fullname, path, target=None):
        if not fullname.startswith(self.PREFIX):
            return None
        try:
            from ansible.utils.collection_loader._collection_finder import _get_collection_metadata
            routing = _get_collection_metadata("ansible.builtin").get("plugin_routing", {}).get("module_utils", {})
        except BaseException:
            return None
        entry = routing.get(fullname[len(self.PREFIX):]) or {}
        redirect = entry.get("redirect")
        if not redirect or redirect.count(".") < 2:
            return None
        parts = redirect.split(".")
        if parts[0] == "ansible" and parts[1] == "builtin":
            target_name = "ansible.module_utils." + ".".join(parts[2:])
        else:
            target_name = "ansible_collections.%s.%s.plugins.module_utils.%s" % (parts[0], parts[1], ".".join(parts[2:]))
        import importlib
        import importlib.util
        target_module = importlib.import_module(target_name)
        return importlib.util.spec_from_loader(fullname, _Alias(target_module))

    def find_module(self, fullname, path=None):
        return None


class Child(object):
    def __init__(self, request, pid, waiter, tmpdir, out_path, err_path, imports_path):
        self.request = request
        self.pid = pid
        self.waiter = waiter
        self.tmpdir = tmpdir
        self.out_path = out_path
        self.err_path = err_path
        self.imports_path = imports_path
        self.killed = False


def serve(stdin_fd, buffered):
    poller = select.poll()
    poller.register(stdin_fd, select.POLLIN)
    children = {}   # waiter fd -> Child
    by_id = {}      # request id -> Child
    warmed = set()
    def requests(data):
        while b"\n" in data:
            line, data = data.split(b"\n", 1)
            if not line.strip():
                continue
            request = json.loads(line.decode("utf-8"))
            if request.get("op") == "prepare":
                prepare(request, warmed)
                continue
            if request.get("op") == "kill":
                child = by_id.get(request.get("id"))
                if child is not None:
                    kill(child)
                continue
            try:
                child = start(request)
            except Exception as e:
                send({"id": request.get("id"), "error": "%s: %s" % (type(e).__name__, e)})
                continue
            children[child.waiter] = child
            CLOSE_IN_CHILD.add(child.waiter)
            by_id[request["id"]] = child
            poller.register(child.waiter, select.POLLIN)
        return data

    buffered = requests(buffered)
    while True:
        events = poller.poll()
        to_warm = []
        for fd, _ in events:
            if fd == stdin_fd:
                chunk = os.read(stdin_fd, 1 << 16)
                if not chunk:
                    for child in children.values():
                        kill(child)
                    for child in children.values():
                        try:
                            os.waitpid(child.pid, 0)
                        except OSError:
                            pass
                        cleanup(child)
                    return 0
                buffered = requests(buffered + chunk)
            else:
                child = children.pop(fd, None)
                if child is None:
                    continue
                poller.unregister(fd)
                CLOSE_IN_CHILD.discard(fd)
                finish(child)
                by_id.pop(child.request["id"], None)
                to_warm.extend(imports_of(child))
                if child.request.get("collection"):
                    to_warm.append("collection:" + child.request["collection"])
                cleanup(child)
        for name in to_warm:
            if name not in warmed:
                warmed.add(name)
                if name.startswith("collection:"):
                    warm_collection(name[len("collection:"):])
                else:
                    warm(name)


def kill(child):
    child.killed = True
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except OSError:
        try:
            os.kill(child.pid, signal.SIGKILL)
        except OSError:
            pass


def warm(name):
    if name in sys.modules:
        return
    top = name.split(".")[0]
    if top not in WARM_PREFIXES and not WARM_PATTERN.match(name):
        return
    try:
        __import__(name)
    except BaseException:
        pass


def prepare(request, warmed):
    """Imports, ahead of its first run, the module_utils a module imports (found in its source as
    AnsiballZ's recursive_finder finds them), and reads its collection's routing: the first child
    then forks from a worker that has them loaded (boto3 with amazon.aws's, say)."""
    if request.get("collection"):
        name = "collection:" + request["collection"]
        if name not in warmed:
            warmed.add(name)
            warm_collection(request["collection"])
    try:
        import ast
        with open(request["path"], "rb") as f:
            tree = ast.parse(f.read())
    except BaseException:
        return
    package = request.get("fqn", "").rpartition(".")[0]
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                if node.level > len(parts):
                    continue
                base = ".".join(parts[:len(parts) - node.level + 1]) + ("." + base if base else "")
            names.append(base)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        for name in names:
            if name and name not in warmed and WARM_PATTERN.match(name):
                warmed.add(name)
                warm(name)


def warm_collection(name):
    try:
        from ansible.utils.collection_loader._collection_finder import _get_collection_metadata
        _get_collection_metadata(name)
    except BaseException:
        pass


def imports_of(child):
    try:
        with open(child.imports_path) as f:
            return [line.strip() for line in f if line.strip()]
    except (IOError, OSError):
        return []


def remote_tmp(request):
    # Ansible's shell expands ~ as the user's home in the password database (echo ~USER), not $HOME.
    try:
        import pwd
        home = pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError):
        home = os.path.expanduser("~")
    path = request.get("remote_tmp") or "~/.ansible/tmp"
    if path == "~" or path.startswith("~/"):
        path = home + path[1:]
    return path


def start(request):
    scratch = request["scratch"]
    rid = request["id"]
    out_path = os.path.join(scratch, "%d.stdout" % rid)
    err_path = os.path.join(scratch, "%d.stderr" % rid)
    imports_path = os.path.join(scratch, "%d.imports" % rid)
    parent = remote_tmp(request)
    old_umask = os.umask(0o077)
    try:
        if not os.path.isdir(parent):
            os.makedirs(parent)
        tmpdir = tempfile.mkdtemp(prefix="ansible-tmp-%s-%s-" % (time.time(), os.getpid()), dir=parent)
    finally:
        os.umask(old_umask)
    request["args"]["_ansible_tmpdir"] = tmpdir
    notify_r = notify_w = None
    if not PIDFD:
        # No pidfd: the child holds the write end of a pipe until it exits (inherited by an exec'd module).
        notify_r, notify_w = os.pipe()
        os.set_inheritable(notify_w, True)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            if notify_r is not None:
                os.close(notify_r)
            code = child_main(request, out_path, err_path, imports_path, tmpdir, notify_w)
        except BaseException:
            try:
                traceback.print_exc()
                sys.stderr.flush()
            except BaseException:
                pass
        finally:
            os._exit(code)
    if PIDFD:
        waiter = os.pidfd_open(pid)
    else:
        os.close(notify_w)
        waiter = notify_r
    return Child(request, pid, waiter, tmpdir, out_path, err_path, imports_path)


def pidfd_works():
    """Whether this Python and kernel give a pollable fd per process (Python 3.9+, Linux 5.3+)."""
    try:
        fd = os.pidfd_open(os.getpid())
    except (AttributeError, OSError):
        return False
    os.close(fd)
    return True


def child_main(request, out_path, err_path, imports_path, tmpdir, notify_w):
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(out, 1)
    os.dup2(err, 2)
    # Only the worker's own descriptors are closed: modules' libraries may hold some opened at import.
    for fd in CLOSE_IN_CHILD:
        try:
            os.close(fd)
        except OSError:
            pass
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    import io
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8", errors="surrogateescape")
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="surrogateescape")
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace")
    os.environ.clear()
    os.environ.update(request.get("env", {}))
    cwd = request.get("cwd")
    if cwd:
        try:
            os.chdir(cwd)
        except OSError:
            os.chdir(os.path.expanduser("~"))
    path = request["path"]
    with open(path, "rb") as f:
        data = f.read()
    style = module_style(data)
    args = request["args"]
    if style == "new":
        return run_python(request, path, args, imports_path)
    if style == "powershell":
        sys.stderr.write("rolehop cannot run PowerShell modules (%s)\n" % path)
        return 1
    return run_executable(request, path, data, style, args, tmpdir)


def run_python(request, path, args, imports_path):
    import runpy
    from ansible.module_utils import basic
    before = set(sys.modules)
    for extra in request.get("module_utils_dirs", []):
        import ansible.module_utils
        if extra not in ansible.module_utils.__path__:
            ansible.module_utils.__path__.insert(0, extra)
    basic._ANSIBLE_ARGS = json.dumps({"ANSIBLE_MODULE_ARGS": args}).encode("utf-8")
    fqn = request["fqn"]
    init = dict(_module_fqn=fqn, _modlib_path=request.get("modlib_path"))
    sys.argv = [path]
    code = 0
    try:
        try:
            if request.get("as_package"):
                runpy.run_module(mod_name=fqn, init_globals=init, run_name="__main__", alter_sys=True)
            else:
                runpy.run_path(path, init_globals=init, run_name="__main__")
            print('{"msg": "New-style module did not handle its own exit", "failed": true}')
            code = 1
        except SystemExit as e:
            if e.code is None:
                code = 0
            elif isinstance(e.code, int):
                code = e.code
            else:
                sys.stderr.write("%s\n" % (e.code,))
                code = 1
        except BaseException:
            # As a module run alone would show it: without the worker's own frame.
            kind, value, tb = sys.exc_info()
            traceback.print_exception(kind, value, tb.tb_next if tb is not None else None)
            code = 1
    finally:
        try:
            sys.stdout.flush()
        except BaseException:
            pass
        try:
            sys.stderr.flush()
        except BaseException:
            pass
        try:
            with open(imports_path, "w") as f:
                f.write("\n".join(sorted(set(sys.modules) - before)))
        except BaseException:
            pass
    return code


def run_executable(request, path, data, style, args, tmpdir):
    """Old-style, WANT_JSON, JSONARGS and binary modules: run through /bin/sh as Ansible's local connection does."""
    module = path
    if style == "jsonargs":
        module = os.path.join(tmpdir, "AnsiballZ_" + os.path.basename(path))
        with open(module, "wb") as f:
            f.write(data.replace(REPLACER_JSONARGS, json.dumps(args).encode("utf-8")))
        os.chmod(module, 0o700)
    command = []
    interpreter = shebang(data)
    if style != "binary":
        if interpreter is None:
            print(json.dumps({"failed": True, "msg": "module (%s) is missing interpreter line" % request.get("name")}))
            return 1
        words = shlex.split(interpreter)
        if words and "python" in os.path.basename(words[-1] if words[0].endswith("/env") else words[0]):
            words = [request.get("python") or sys.executable]
        command.extend(words)
    command.append(module)
    if style in ("old", "non_native_want_json", "binary"):
        args_path = os.path.join(tmpdir, "args")
        with open(args_path, "w") as f:
            if style == "old":
                f.write("".join("%s=%s " % (k, shlex.quote(text_of(v))) for k, v in args.items()))
            else:
                f.write(json.dumps(args))
        command.append(args_path)
    sys.stdout.flush()
    sys.stderr.flush()
    line = " ".join(shlex.quote(word) for word in command)
    os.execv("/bin/sh", ["/bin/sh", "-c", line])
    return 127


def text_of(value):
    """Python's str() of a value as Ansible's old-style argument file writes it."""
    return value if isinstance(value, str) else str(value)


def finish(child):
    status = None
    while status is None:
        try:
            _, status = os.waitpid(child.pid, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            status = 0
    try:
        os.close(child.waiter)
    except OSError:
        pass
    if os.WIFSIGNALED(status):
        rc = -os.WTERMSIG(status)
    else:
        rc = os.WEXITSTATUS(status)
    stdout = read(child.out_path)
    stderr = read(child.err_path)
    response = {"id": child.request["id"], "rc": rc}
    if child.killed:
        response["killed"] = True
    try:
        filtered, warnings = FILTER(stdout)
        data = json.loads(filtered)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        response["data"] = data
        response["warnings"] = warnings
    except ValueError:
        response["stdout"] = stdout
        response["stderr"] = stderr
    send(response)


def cleanup(child):
    for path in (child.out_path, child.err_path, child.imports_path):
        try:
            os.unlink(path)
        except OSError:
            pass
    if not child.request.get("keep_remote_files"):
        shutil.rmtree(child.tmpdir, ignore_errors=True)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except (IOError, OSError):
        return u""


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)

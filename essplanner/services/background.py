"""Publishing while the window is closed: one headless ``essplanner service`` per workspace.

Two things live here, both without Qt (the desktop app and the command line use them):

- :class:`ServiceLock`, the one-runner-per-workspace lock: an OS file lock on
  ``service.lock`` in the data folder, taken by ``essplanner service`` and by the
  window's own publishing service. Claims in the database already make a double send
  impossible (DESIGN.md §4); the lock is about running one publisher per workspace, and
  saying clearly which one runs. It is per data folder, not per database: a team's
  laptops and server share a PostgreSQL database on purpose, each with its own folder
  (docs/decisions/0017-background-publishing.md).
- :class:`BackgroundPublishing`, which starts and stops the background service and
  writes or removes what starts it at login: a ``systemd --user`` unit where systemd
  runs the user's session, an XDG autostart entry otherwise. Windows and macOS get the
  service started now, and the login entry is described in the decision record.

The settings dialog calls :func:`enable`, :func:`disable` and :func:`status`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import platformdirs

from essplanner import APP_NAME
from essplanner.errors import EssPlannerError
from essplanner.i18n import _
from essplanner.settings import ENV_DATA_DIR, Paths

log = logging.getLogger(__name__)

LOCK_NAME = "service.lock"
#: how long ``acquire`` retries: another process may be probing the lock for an instant
ACQUIRE_PATIENCE = 2.0
SERVICE_ROLE, APP_ROLE = "service", "app"


class ServiceRunning(EssPlannerError):
    """Another publisher holds this workspace's lock (exit code 2: the user's doing)."""

    exit_code = 2

    def __init__(self, message: str, holder: Holder | None) -> None:
        super().__init__(message)
        self.holder = holder


@dataclass(frozen=True)
class Holder:
    """Who publishes for a workspace: a process id and its role (``service`` or ``app``)."""

    pid: int
    role: str

    def describe(self) -> str:
        if self.role == APP_ROLE:
            return _("an ESS Planner window is already publishing for this workspace "
                     "(pid {pid})", pid=self.pid)
        return _("another publishing service is already running for this workspace "
                 "(pid {pid})", pid=self.pid)


# ------------------------------------------------------------------ the lock ---


def _try_lock(fh: IO[str], *, shared: bool = False) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        # A byte far past the holder's note: the note stays readable by others.
        fh.seek(1 << 20)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fh: IO[str]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        fh.seek(1 << 20)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _read_note(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
        return Holder(pid=int(data["pid"]), role=str(data.get("role", SERVICE_ROLE)))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ServiceLock:
    """The workspace's publishing lock, held until :meth:`release` or the process ends.

    The operating system drops the lock when its holder dies (even by SIGKILL), so a
    crashed service never blocks the next one.
    """

    def __init__(self, path: Path, fh: IO[str], role: str) -> None:
        self.path = path
        self.role = role
        self._fh: IO[str] | None = fh

    @classmethod
    def path_for(cls, paths: Paths) -> Path:
        return paths.data_dir / LOCK_NAME

    @classmethod
    def acquire(cls, paths: Paths, *, role: str = SERVICE_ROLE,
                patience: float = ACQUIRE_PATIENCE) -> ServiceLock:
        """Take the lock or raise :class:`ServiceRunning` naming the holder."""
        path = cls.path_for(paths)
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the lock's life
        deadline = time.monotonic() + patience
        while not _try_lock(fh):
            # A probe (status()) holds a shared lock for an instant; a real holder for good.
            if time.monotonic() >= deadline:
                fh.close()
                holder = _read_note(path)
                message = (holder.describe() if holder is not None else _(
                    "another publishing service is already running for this workspace"))
                raise ServiceRunning(message, holder)
            threading.Event().wait(0.05)
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"pid": os.getpid(), "role": role}))
        fh.flush()
        log.info("publishing lock taken (%s, pid %s): %s", role, os.getpid(), path)
        return cls(path, fh, role)

    @classmethod
    def holder(cls, paths: Paths) -> Holder | None:
        """Who holds the lock now, or None; never blocks, never takes the lock for long."""
        path = cls.path_for(paths)
        try:
            fh = open(path, encoding="utf-8")  # noqa: SIM115
        except FileNotFoundError:
            return None
        with fh:
            if _try_lock(fh, shared=True):
                _unlock(fh)
                return None
        return _read_note(path) or Holder(pid=0, role=SERVICE_ROLE)

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            fh.seek(0)
            fh.truncate()
            fh.flush()
            _unlock(fh)
        finally:
            fh.close()
        log.info("publishing lock released (%s)", self.role)


# ------------------------------------------------------- the login entries ---


@dataclass(frozen=True)
class BackgroundStatus:
    """Where background publishing stands for one workspace."""

    #: the process publishing for the workspace now (a service or a window), if any
    holder: Holder | None
    #: the file that starts the service at login, if written
    login_entry: Path | None
    #: how the service is started: "systemd", "autostart" or "process"
    method: str

    @property
    def service_running(self) -> bool:
        return self.holder is not None and self.holder.role == SERVICE_ROLE


Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


def _run(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=30, check=False)


def _default_paths() -> Paths:
    return Paths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def systemd_user_session(env: Mapping[str, str], run: Runner) -> bool:
    """Whether a ``systemd --user`` manager runs this user's session (its bus is there
    and it answers)."""
    runtime = env.get("XDG_RUNTIME_DIR")
    if sys.platform != "linux" or not runtime:
        return False
    if not (Path(runtime, "systemd", "private").exists() or Path(runtime, "bus").exists()):
        return False
    try:
        answer = run(["systemctl", "--user", "is-system-running"])
    except (OSError, subprocess.SubprocessError):
        return False
    # "degraded" (one failed unit somewhere) still runs units; "offline" means no manager.
    return answer.stdout.strip() in {"running", "degraded", "starting"}


class BackgroundPublishing:
    """Starts, stops and installs at login the background service of one workspace.

    ``env`` (default: the process's) is what the service runs with and where the user's
    folders are looked up (``XDG_CONFIG_HOME``); ``run`` runs ``systemctl``; ``systemd``
    forces the choice of method (None: detect it). Tests pass all three.
    """

    def __init__(self, paths: Paths, *, db_url: str | None = None,
                 env: Mapping[str, str] | None = None, run: Runner = _run,
                 systemd: bool | None = None, command: Sequence[str] | None = None) -> None:
        self.paths = paths
        self.db_url = db_url
        self.env = dict(os.environ if env is None else env)
        self.run = run
        self._systemd = systemd
        self._command = list(command) if command is not None else None
        #: the service process this object started (autostart and other platforms)
        self.process: subprocess.Popen[bytes] | None = None

    # ---- what and where
    @property
    def method(self) -> str:
        if sys.platform != "linux":
            return "process"
        if self._systemd is None:
            self._systemd = systemd_user_session(self.env, self.run)
        return "systemd" if self._systemd else "autostart"

    @property
    def suffix(self) -> str:
        """"" for the default workspace, else a short hash of its folder (several
        workspaces, several services)."""
        if self.paths == _default_paths() and not self.db_url:
            return ""
        key = f"{self.paths.data_dir}\0{self.db_url or ''}"
        return "-" + hashlib.sha256(key.encode()).hexdigest()[:8]

    @property
    def unit_name(self) -> str:
        return f"essplanner-service{self.suffix}.service"

    def _config_home(self) -> Path:
        return Path(self.env.get("XDG_CONFIG_HOME") or Path(self.env.get("HOME", "~"),
                                                            ".config")).expanduser()

    @property
    def unit_file(self) -> Path:
        return self._config_home() / "systemd" / "user" / self.unit_name

    @property
    def autostart_file(self) -> Path:
        return self._config_home() / "autostart" / f"essplanner-service{self.suffix}.desktop"

    def command(self) -> list[str]:
        """The command line of the service for this workspace."""
        if self._command is not None:
            base = list(self._command)
        elif getattr(sys, "frozen", False):  # a PyInstaller bundle: the executable itself
            base = [sys.executable]
        else:
            base = [sys.executable, "-m", "essplanner"]
        if self.paths != _default_paths() or self.env.get(ENV_DATA_DIR):
            base += ["--data-dir", str(self.paths.data_dir)]
        if self.db_url:
            base += ["--db", self.db_url]
        return [*base, "service"]

    def unit_text(self) -> str:
        """The systemd user unit (resources/systemd/essplanner.service, for this workspace)."""
        return "\n".join([
            "# Written by ESS Planner (File › Publish in the background); removed when it",
            "# is switched off. It publishes the scheduled posts while the window is closed.",
            "[Unit]",
            "Description=ESS Planner publishing service",
            "Wants=network-online.target",
            "After=network-online.target",
            "",
            "[Service]",
            "Type=simple",
            f"ExecStart={_systemd_quote(self.command())}",
            "Restart=on-failure",
            "RestartSec=30",
            # exit 2: another service holds the workspace; restarting would not help
            "RestartPreventExitStatus=2",
            "KillSignal=SIGTERM",
            "TimeoutStopSec=90",
            "",
            "[Install]",
            "WantedBy=default.target",
            "",
        ])

    def autostart_text(self) -> str:
        """The XDG autostart entry (resources/autostart/, running the service, not the
        window)."""
        return "\n".join([
            "[Desktop Entry]",
            "Type=Application",
            "Name=ESS Planner publishing service",
            "Name[fr]=Service de publication d’ESS Planner",
            "Comment=Publishes your scheduled posts while the window is closed",
            "Comment[fr]=Publie vos messages planifiés quand la fenêtre est fermée",
            f"Exec={_desktop_quote(self.command())}",
            "Icon=essplanner",
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
            "X-GNOME-Autostart-Delay=5",
            "",
        ])

    # ---- state
    def status(self) -> BackgroundStatus:
        method = self.method
        entry = {"systemd": self.unit_file, "autostart": self.autostart_file}.get(method)
        return BackgroundStatus(holder=ServiceLock.holder(self.paths),
                                login_entry=entry if entry is not None and entry.exists()
                                else None, method=method)

    # ---- switching
    def enable(self, *, at_login: bool = True) -> BackgroundStatus:
        """Install the login entry (if ``at_login``) and start the service unless one runs."""
        method = self.method
        if method == "systemd":
            self._write(self.unit_file, self.unit_text())
            self._systemctl("daemon-reload")
            self._systemctl("enable" if at_login else "disable", self.unit_name)
        elif method == "autostart":
            if at_login:
                self._write(self.autostart_file, self.autostart_text())
            else:
                self.autostart_file.unlink(missing_ok=True)
        self.start()
        return self.status()

    def start(self) -> None:
        """Start the service now, unless one already publishes for this workspace."""
        holder = ServiceLock.holder(self.paths)
        if holder is not None and holder.role == SERVICE_ROLE:
            return
        if self.method == "systemd":
            self._write(self.unit_file, self.unit_text())
            self._systemctl("daemon-reload")
            self._systemctl("start", self.unit_name)
            return
        if self.process is not None and self.process.poll() is None:
            return  # started a moment ago; it is taking the lock
        self.paths.log_dir.mkdir(parents=True, exist_ok=True)
        options: dict[str, Any] = {}
        if sys.platform == "win32":  # pragma: no cover
            options["creationflags"] = (subprocess.CREATE_NEW_PROCESS_GROUP
                                        | subprocess.DETACHED_PROCESS)
        else:
            options["start_new_session"] = True  # not killed with the window's session
        try:
            self.process = subprocess.Popen(
                self.command(), env=self.env, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True,
                cwd=str(self.paths.data_dir), **options)
        except OSError as exc:
            raise EssPlannerError(_("The background publishing service cannot be started: "
                                    "{error}", error=str(exc))) from exc
        log.info("background publishing service started (pid %s)", self.process.pid)

    def exited(self) -> int | None:
        """The exit code of the service this object started, if it has ended."""
        return None if self.process is None else self.process.poll()

    def disable(self) -> BackgroundStatus:
        """Remove the login entry and stop the running service (its sends finish first)."""
        if self.method == "systemd":
            if self.unit_file.exists():
                self._systemctl("disable", "--now", self.unit_name)
                self.unit_file.unlink(missing_ok=True)
                self._systemctl("daemon-reload")
        else:
            self.autostart_file.unlink(missing_ok=True)
        self.stop()
        return self.status()

    def stop(self) -> None:
        """Ask the running background service to stop (SIGTERM: its sends finish first)."""
        holder = ServiceLock.holder(self.paths)
        if (holder is None or holder.role != SERVICE_ROLE or holder.pid <= 0
                or holder.pid == os.getpid()):
            return
        if self.method == "systemd" and self.unit_file.exists():
            self._systemctl("stop", "--no-block", self.unit_name)
            return
        import signal

        try:
            os.kill(holder.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        except OSError as exc:
            raise EssPlannerError(_("The background publishing service (pid {pid}) cannot be "
                                    "stopped: {error}", pid=holder.pid, error=str(exc))) from exc
        log.info("asked the background publishing service (pid %s) to stop", holder.pid)

    # ---- helpers
    def _write(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)

    def _systemctl(self, *args: str) -> None:
        try:
            answer = self.run(["systemctl", "--user", *args])
        except (OSError, subprocess.SubprocessError) as exc:
            raise EssPlannerError(_("systemctl --user {command} failed: {error}",
                                    command=" ".join(args), error=str(exc))) from exc
        if answer.returncode != 0:
            detail = (answer.stderr or answer.stdout or "").strip().splitlines()
            raise EssPlannerError(_("systemctl --user {command} failed: {error}",
                                    command=" ".join(args),
                                    error=detail[-1] if detail else answer.returncode))


def _systemd_quote(args: Sequence[str]) -> str:
    # systemd unquotes like a shell for double quotes; "%" starts a specifier
    return " ".join('"' + a.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%") + '"'
                    if any(c in a for c in " \t\"'\\%") else a for a in args)


def _desktop_quote(args: Sequence[str]) -> str:
    # Desktop Entry spec: reserved characters inside double quotes, "%" doubled
    out = []
    for arg in args:
        if any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`%"):
            escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg).replace("%", "%%")
            out.append(f'"{escaped}"')
        else:
            out.append(arg)
    return " ".join(out)


# ------------------------------------------------- the settings dialog's API ---


def status(paths: Paths, *, db_url: str | None = None) -> BackgroundStatus:
    """Whether a background service publishes for the workspace, and what starts it."""
    return BackgroundPublishing(paths, db_url=db_url).status()


def enable(paths: Paths, *, db_url: str | None = None, at_login: bool = True) -> BackgroundStatus:
    """Start the background service now and (with ``at_login``) at every login."""
    return BackgroundPublishing(paths, db_url=db_url).enable(at_login=at_login)


def disable(paths: Paths, *, db_url: str | None = None) -> BackgroundStatus:
    """Stop the background service and remove its login entry."""
    return BackgroundPublishing(paths, db_url=db_url).disable()

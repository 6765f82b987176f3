"""The ``yaml-language-server`` npm package (what VS Code's YAML extension, Neovim, Helix … run),
installed once into a cache and spoken to over stdio as an editor would.

``python -m tests.yaml_language_server fetch`` installs it beforehand (``.ci/run`` does);
otherwise the first test that needs it does. Needs ``node`` (>= 18) and ``npm`` on PATH.
The cache is ``SCHEMAGEN_YLS_CACHE`` (default ``~/.cache/schemagen/yaml-language-server``).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

VERSION = "1.19.2"
"""Pinned: the language server of VS Code's YAML extension 1.19."""


class LanguageServerUnavailable(RuntimeError):
    """node/npm are missing or the package could not be installed."""


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "schemagen" / "yaml-language-server"
    return Path(os.environ.get("SCHEMAGEN_YLS_CACHE", default)) / VERSION


def server_script() -> Path:
    """The installed server's entry point, installing it with npm on first use."""
    script = cache_dir() / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    if script.is_file():
        return script
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        raise LanguageServerUnavailable("node and npm are needed for the yaml-language-server tests")
    target = cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(target),
            "--no-audit",
            "--no-fund",
            f"yaml-language-server@{VERSION}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not script.is_file():
        raise LanguageServerUnavailable(f"npm install yaml-language-server failed: {done.stderr[-2000:]}")
    return script


class LanguageServer:
    """A running yaml-language-server, driven over JSON-RPC on stdio."""

    def __init__(self, root: Path):
        node = shutil.which("node")
        if node is None:
            raise LanguageServerUnavailable("node is not on PATH")
        self.process = subprocess.Popen(
            [node, str(server_script()), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.responses: dict[int, queue.Queue] = {}
        self.notifications: queue.Queue = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "textDocument": {
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {},
                    },
                    "workspace": {"configuration": True},
                },
            },
        )
        self.notify("initialized", {})
        self.notify(
            "workspace/didChangeConfiguration",
            {"settings": {"yaml": self.settings}},
        )

    settings = {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            if "id" in message and "method" in message:  # a request from the server
                self._answer(message)
            elif "id" in message:
                self.responses.setdefault(message["id"], queue.Queue()).put(message)
            else:
                self.notifications.put(message)

    def _answer(self, message: dict[str, Any]) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [
                self.settings if item.get("section") == "yaml" else None
                for item in message["params"]["items"]
            ]
        self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    def request(self, method: str, params: dict[str, Any], timeout: float = 60) -> Any:
        self.next_id += 1
        number = self.next_id
        waiting = self.responses.setdefault(number, queue.Queue())
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        response = waiting.get(timeout=timeout)
        if "error" in response:
            raise RuntimeError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def open(self, path: Path, text: str) -> str:
        uri = path.resolve().as_uri()
        document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": document})
        return uri

    def diagnostics(self, uri: str, timeout: float = 60) -> list[dict[str, Any]] | None:
        """The diagnostics the server publishes next for ``uri`` (None if none within ``timeout``)."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self.notifications.get(timeout=left)
            except queue.Empty:
                break
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri:
                return params["diagnostics"]
        return None

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()


if __name__ == "__main__":
    if sys.argv[1:] == ["fetch"]:
        print(server_script())
    else:
        sys.exit("usage: python -m tests.yaml_language_server fetch")

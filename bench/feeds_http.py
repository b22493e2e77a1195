"""Feed requests per second: the daemon itself, and nginx serving ``feeds.export_dir``.

Starts the real daemon (seed tender, SQLite, export on) and an nginx on loopback with the
snippet from deploy/README.md, then lets ApacheBench (``ab``, keep-alive, 16 concurrent)
fetch ``/feeds/flextender-30988.ics`` from each. Needs ``nginx`` and ``ab`` (Debian: nginx,
apache2-utils); says so and skips when they are missing.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "config" / "tenders" / "flextender-30988.toml"
FEED = "/feeds/flextender-30988.ics"
NGINX_CONF = """
daemon off;
user root;
worker_processes auto;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
    map $arg_lang $tn_feed_lang {{ default ""; en "en/"; }}
    server {{
        listen 127.0.0.1:{port};
        location ~ ^/feeds/(?<tn_feed>[a-z0-9][a-z0-9._-]*\\.ics)$ {{
            root {export};
            try_files /feeds/$tn_feed_lang$tn_feed @tender_notifier;
            types {{ }} default_type "text/calendar; charset=utf-8";
            add_header Cache-Control "public, max-age=300";
            etag on;
        }}
        location / {{ try_files /nonexistent @tender_notifier; }}
        location @tender_notifier {{ proxy_pass http://127.0.0.1:{daemon_port}; }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def requests_per_second(url: str, count: int = 20_000) -> float:
    out = subprocess.run(
        ["ab", "-q", "-k", "-n", str(count), "-c", "16", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"Requests per second:\s+([\d.]+)", out)
    failed = re.search(r"Failed requests:\s+(\d+)", out)
    if match is None or failed is None or failed.group(1) != "0":
        raise RuntimeError(out)
    return float(match.group(1))


def main() -> int:
    if not (shutil.which("nginx") and shutil.which("ab")):
        print("feeds over HTTP: skipped (needs nginx and ab: apt-get install nginx apache2-utils)")
        return 0
    with tempfile.TemporaryDirectory(prefix="tn-bench-http-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "tenders").mkdir()
        shutil.copy(SEED, tmp / "tenders" / SEED.name)
        daemon_port, nginx_port = free_port(), free_port()
        export = tmp / "export"
        (tmp / "notifier.toml").write_text(
            f'tenders_dir = "tenders"\nstate_dir = "{tmp / "var"}"\n'
            f'[http]\nport = {daemon_port}\n[logging]\nformat = "json"\nlevel = "warning"\n'
            f'[feeds]\nexport_dir = "{export}"\n'
        )
        (tmp / "nginx.conf").write_text(
            NGINX_CONF.format(tmp=tmp, port=nginx_port, export=export, daemon_port=daemon_port)
        )
        cli = [sys.executable, "-m", "tender_notifier.cli", "--config", str(tmp / "notifier.toml")]
        daemon = subprocess.Popen([*cli, "serve"], stdout=subprocess.DEVNULL)
        nginx = subprocess.Popen(["nginx", "-c", str(tmp / "nginx.conf"), "-p", str(tmp)])
        try:
            wait_for(f"http://127.0.0.1:{daemon_port}/readyz")
            wait_for(f"http://127.0.0.1:{nginx_port}{FEED}")
            direct = httpx.get(f"http://127.0.0.1:{daemon_port}{FEED}").content
            for lang in ("", "?lang=en"):
                served = httpx.get(f"http://127.0.0.1:{nginx_port}{FEED}{lang}").content
                assert served == httpx.get(f"http://127.0.0.1:{daemon_port}{FEED}{lang}").content
            print(f"feed served over HTTP ({len(direct)} bytes, ab -k -c 16):")
            for label, port in (("daemon", daemon_port), ("nginx, export_dir", nginx_port)):
                rps = requests_per_second(f"http://127.0.0.1:{port}{FEED}")
                print(f"  {label}: {rps:,.0f} requests/s")
        finally:
            nginx.terminate()
            daemon.terminate()
            nginx.wait(10)
            daemon.wait(20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

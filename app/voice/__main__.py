"""Entry point: python -m voice [--self-check] [--host HOST] [--port PORT]"""

import argparse
import json
import os
import signal
import sys
import threading
import urllib.request

from .server import make_server


def serve(host: str, port: int) -> int:
    server = make_server(host, port)
    # As PID 1 in a container, SIGTERM is ignored unless handled: make `docker stop` prompt.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"voice listening on {host}:{server.server_address[1]}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


def self_check() -> int:
    """Serve on an ephemeral loopback port in-process, GET /health, print it; 0 only if the C extension loaded."""
    server = make_server("127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/health"
        with urllib.request.urlopen(url, timeout=10) as response:
            health = json.load(response)
    finally:
        server.shutdown()
        server.server_close()
    print(json.dumps(health))
    return 0 if health.get("native_loaded") is True else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m voice", description="Sample voice service.")
    parser.add_argument("--self-check", action="store_true", help="probe /health in-process and exit")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    args = parser.parse_args(argv)
    return self_check() if args.self_check else serve(args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())

"""HTTP endpoints: GET /health and POST /rms (raw 16-bit little-endian PCM body)."""

import json
import platform
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import __version__, native

MAX_PCM_BYTES = 10 * 1024 * 1024


def health() -> dict:
    return {
        "status": "ok",
        "version": __version__,
        "machine": platform.machine(),
        "native_loaded": native.loaded(),
        "portaudio": native.portaudio_version(),
    }


class Handler(BaseHTTPRequestHandler):
    server_version = f"voice/{__version__}"

    def do_GET(self):
        if self.path == "/health":
            self._reply(HTTPStatus.OK, health())
        else:
            self._reply(HTTPStatus.NOT_FOUND, {"error": f"no such path: {self.path}"})

    def do_POST(self):
        if self.path != "/rms":
            self._reply(HTTPStatus.NOT_FOUND, {"error": f"no such path: {self.path}"})
            return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._reply(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length required"})
            return
        if int(length) > MAX_PCM_BYTES:
            self._reply(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": f"at most {MAX_PCM_BYTES} bytes"})
            return
        body = self.rfile.read(int(length))
        if len(body) % 2:
            self._reply(HTTPStatus.BAD_REQUEST, {"error": "16-bit PCM needs an even number of bytes"})
        elif not native.loaded():
            self._reply(HTTPStatus.SERVICE_UNAVAILABLE, {"error": "native extension not loaded"})
        else:
            self._reply(HTTPStatus.OK, {"rms": native.module.rms(body)})

    def _reply(self, status: HTTPStatus, payload: dict):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def make_server(host: str, port: int, handler: type[Handler] = Handler) -> ThreadingHTTPServer:
    return ThreadingHTTPServer((host, port), handler)

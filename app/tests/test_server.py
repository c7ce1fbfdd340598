import contextlib
import io
import json
import platform
import struct
import threading
import unittest
import urllib.error
import urllib.request

import voice
from voice.__main__ import main
from voice.server import Handler, make_server


class QuietHandler(Handler):
    def log_message(self, *args):
        pass


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = make_server("127.0.0.1", 0, QuietHandler)
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def request(self, path, body=None):
        try:
            with urllib.request.urlopen(urllib.request.Request(self.base + path, data=body), timeout=10) as r:
                return r.status, json.load(r)
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)

    def test_health_reports_version_machine_and_native_module(self):
        status, health = self.request("/health")
        self.assertEqual(status, 200)
        self.assertEqual(health["status"], "ok")
        self.assertEqual(health["version"], voice.__version__)
        self.assertEqual(health["machine"], platform.machine())
        self.assertIs(health["native_loaded"], True)
        self.assertIn("PortAudio", health["portaudio"])

    def test_rms_of_posted_pcm(self):
        status, result = self.request("/rms", struct.pack("<4h", 200, -200, 200, -200))
        self.assertEqual((status, result), (200, {"rms": 200.0}))

    def test_odd_length_pcm_is_bad_request(self):
        status, result = self.request("/rms", b"\x00\x01\x02")
        self.assertEqual(status, 400)
        self.assertIn("even number of bytes", result["error"])

    def test_unknown_path_is_not_found(self):
        self.assertEqual(self.request("/nope")[0], 404)


class SelfCheckTest(unittest.TestCase):
    def test_self_check_prints_health_and_succeeds(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(["--self-check"])
        self.assertEqual(code, 0)
        self.assertIs(json.loads(out.getvalue())["native_loaded"], True)

import struct
import unittest

import voice_native


def pcm(*samples: int) -> bytes:
    return struct.pack(f"<{len(samples)}h", *samples)


class RmsTest(unittest.TestCase):
    def test_empty_input_is_zero(self):
        self.assertEqual(voice_native.rms(b""), 0.0)

    def test_constant_magnitude_is_that_magnitude(self):
        self.assertEqual(voice_native.rms(pcm(1000, -1000, 1000, -1000)), 1000.0)

    def test_mixed_samples(self):
        self.assertAlmostEqual(voice_native.rms(pcm(3, -4)), (12.5) ** 0.5)

    def test_full_scale_negative_sample(self):
        self.assertEqual(voice_native.rms(pcm(-32768)), 32768.0)

    def test_samples_are_little_endian(self):
        self.assertEqual(voice_native.rms(b"\x01\x00"), 1.0)

    def test_odd_length_is_rejected(self):
        with self.assertRaises(ValueError):
            voice_native.rms(b"\x00\x00\x00")

    def test_text_is_rejected(self):
        with self.assertRaises(TypeError):
            voice_native.rms("abcd")


class PortAudioTest(unittest.TestCase):
    def test_version_text_names_portaudio(self):
        self.assertIn("PortAudio", voice_native.portaudio_version())

    def test_version_number_is_v19(self):
        self.assertEqual(voice_native.portaudio_version_number() >> 16, 19)

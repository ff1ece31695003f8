/** Sample rate and length of the media players' sound. */
const SAMPLE_RATE_HZ = 8_000;
const TONE_SECONDS = 3;
const TONE_HZ = 440;

/** A few seconds of a quiet 440 Hz tone as 8-bit mono WAV, made here so the suite needs no media files. */
export function toneWav(): Buffer {
  const samples = SAMPLE_RATE_HZ * TONE_SECONDS;
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE_HZ, 24);
  wav.writeUInt32LE(SAMPLE_RATE_HZ, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) {
    wav.writeUInt8(128 + Math.round(20 * Math.sin((2 * Math.PI * TONE_HZ * i) / SAMPLE_RATE_HZ)), 44 + i);
  }
  return wav;
}

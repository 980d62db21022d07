// Reading QR labels from the camera: the browser's own BarcodeDetector where it reads QR codes,
// otherwise jsQR (loaded only then) on video frames drawn to a small canvas.

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorCtor = { new (o: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> };

type JsQr = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: 'dontInvert' | 'attemptBoth' }) => { data: string } | null;

export type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

/** Frames are scaled to this width for jsQR: labels fill much of the picture, and it keeps a phone cool. */
const SCAN_WIDTH = 640;

export async function frameReader(): Promise<{ read: FrameReader; native: boolean }> {
  const Ctor = (globalThis as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
  const formats: string[] = Ctor ? await Ctor.getSupportedFormats().catch(() => []) : [];
  if (Ctor && formats.includes('qr_code')) {
    const detector = new Ctor({ formats: ['qr_code'] });
    return { native: true, read: async (video) => (await detector.detect(video))[0]?.rawValue ?? null };
  }
  // jsqr is CommonJS with an __esModule default; its typings don't survive the interop.
  const mod = (await import('jsqr')) as unknown as { default: JsQr | { default: JsQr } };
  const jsQR = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  return {
    native: false,
    read: async (video) => {
      if (!video.videoWidth) return null;
      const scale = Math.min(1, SCAN_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
    },
  };
}

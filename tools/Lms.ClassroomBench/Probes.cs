namespace Lms.ClassroomBench;

/// <summary>
/// Scripts added to the pages before the app runs. They only watch (and, for the studio, stand in for the camera); the
/// app's own code does everything a person's browser would.
/// </summary>
public static class Probes
{
    /// <summary>
    /// The learner's page: every frame the video element presents is read back (scaled to one cell per 8 × 8 pixels)
    /// and its stamp compared with the time the browser says the frame is shown (requestVideoFrameCallback's
    /// expectedDisplayTime on the page's clock). Frames whose checksum fails are skipped.
    /// </summary>
    public const string ReadStamps = """
        (() => {
          window.__glass = [];
          window.__ahead = [];
          const canvas = document.createElement('canvas');
          canvas.width = 64; canvas.height = 40;
          const context = canvas.getContext('2d', { willReadFrequently: true });
          const watch = (video) => {
            if (video.__stamped) return;
            video.__stamped = true;
            const onFrame = (_now, frame) => {
              try {
                context.drawImage(video, 0, 0, 64, 40);
                const pixels = context.getImageData(0, 0, 64, 40).data;
                const bit = (i) => pixels[((Math.floor(i / 8) * 8 + 4) * 64 + (i % 8) * 8 + 4) * 4] > 128 ? 1 : 0;
                let stamp = 0, sum = 0;
                for (let i = 0; i < 32; i++) stamp += bit(i) * 2 ** i;
                for (let i = 0; i < 8; i++) sum += bit(32 + i) << i;
                const expected = ((stamp & 255) + ((stamp >>> 8) & 255) + ((stamp >>> 16) & 255) + ((stamp >>> 24) & 255)) & 255;
                if (sum === expected && stamp !== 0) {
                  const shown = performance.timeOrigin + frame.expectedDisplayTime;
                  const ms = (shown % 2 ** 32 - stamp + 2 ** 32) % 2 ** 32;
                  if (ms < 60000) {
                    window.__glass.push(ms);
                    const buffered = video.buffered;
                    window.__ahead.push(buffered.length ? (buffered.end(buffered.length - 1) - video.currentTime) * 1000 : 0);
                  }
                }
              } catch { /* a frame the canvas cannot read yet */ }
              video.requestVideoFrameCallback(onFrame);
            };
            video.requestVideoFrameCallback(onFrame);
          };
          new MutationObserver(() => document.querySelectorAll('video').forEach(watch))
            .observe(document, { childList: true, subtree: true });
        })();
        """;

    /// <summary>
    /// The studio's camera: the app asks for the fake camera as usual and gets, in its place, a canvas that draws the
    /// clock time into every frame at 30 fps (the device's id kept, so the pickers behave as with the real camera).
    /// </summary>
    public const string StampedCamera = """
        (() => {
          const devices = navigator.mediaDevices;
          const native = devices.getUserMedia.bind(devices);
          const canvas = document.createElement('canvas');
          canvas.width = 640; canvas.height = 360;
          const context = canvas.getContext('2d');
          const paint = () => {
            const stamp = Date.now() % 2 ** 32;
            const sum = ((stamp & 255) + ((stamp >>> 8) & 255) + ((stamp >>> 16) & 255) + ((stamp >>> 24) & 255)) & 255;
            for (let i = 0; i < 40; i++) {
              const on = i < 32 ? Math.floor(stamp / 2 ** i) % 2 === 1 : ((sum >> (i - 32)) & 1) === 1;
              context.fillStyle = on ? 'rgb(235,235,235)' : 'rgb(16,16,16)';
              context.fillRect((i % 8) * 80, Math.floor(i / 8) * 72, 80, 72);
            }
          };
          paint();
          setInterval(paint, 1000 / 30);
          devices.getUserMedia = async (constraints) => {
            const stream = await native(constraints);
            if (!constraints || !constraints.video) return stream;
            const real = stream.getVideoTracks()[0];
            const deviceId = real.getSettings().deviceId;
            const stamped = canvas.captureStream(30).getVideoTracks()[0];
            const settings = stamped.getSettings.bind(stamped);
            stamped.getSettings = () => ({ ...settings(), deviceId });
            stream.removeTrack(real);
            real.stop();
            stream.addTrack(stamped);
            return stream;
          };
        })();
        """;

    /// <summary>
    /// Both pages: when a text carrying a marker ⟦…⟧ is sent (Enter in the chat box, a click on a quiz's send button)
    /// and when it first appears on screen (the animation frame after the node is added, i.e. the next paint).
    /// </summary>
    public const string Markers = """
        (() => {
          window.__sent = {};
          window.__shown = {};
          const marker = (text) => (text || '').match(/⟦(\w+)⟧/)?.[1];
          document.addEventListener('keydown', (event) => {
            if (event.key !== 'Enter' || event.isComposing) return;
            const name = marker(event.target?.value);
            if (name && !(name in window.__sent)) window.__sent[name] = Date.now();
          }, true);
          document.addEventListener('click', (event) => {
            const button = event.target?.closest?.('button');
            const label = button?.getAttribute('aria-label') || button?.textContent;
            const name = label?.startsWith('퀴즈 보내기') ? marker(label) : undefined;
            if (name && !(name in window.__sent)) window.__sent[name] = Date.now();
          }, true);
          new MutationObserver((changes) => {
            for (const change of changes) {
              for (const node of change.addedNodes) {
                const name = marker(node.textContent);
                if (name && !(name in window.__shown)) {
                  window.__shown[name] = null;
                  requestAnimationFrame(() => { window.__shown[name] = Date.now(); });
                }
              }
            }
          }).observe(document, { childList: true, subtree: true, characterData: true });
        })();
        """;
}

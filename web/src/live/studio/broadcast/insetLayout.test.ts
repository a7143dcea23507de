import { describe, expect, it } from 'vitest';
import { containRect, insetRect, layoutFor } from './insetLayout';

const frame = { width: 1280, height: 720 };

describe('the broadcast canvas layout', () => {
  it('fits a 16:9 screen to the whole frame', () => {
    expect(containRect({ width: 1920, height: 1080 }, frame)).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('letterboxes a 4:3 screen in the middle instead of cropping it', () => {
    expect(containRect({ width: 1024, height: 768 }, frame)).toEqual({ x: 160, y: 0, width: 960, height: 720 });
  });

  it('pillarboxes a very wide screen top and bottom', () => {
    expect(containRect({ width: 3840, height: 1080 }, frame)).toEqual({ x: 0, y: 180, width: 1280, height: 360 });
  });

  it('puts the camera in the bottom right corner at a quarter of the width, away from the edges', () => {
    expect(insetRect({ width: 640, height: 360 }, frame, 'bottom-right')).toEqual({ x: 934, y: 514, width: 320, height: 180 });
  });

  it('puts the camera in the chosen corner', () => {
    const camera = { width: 640, height: 480 };
    expect(insetRect(camera, frame, 'top-left')).toEqual({ x: 26, y: 26, width: 320, height: 240 });
    expect(insetRect(camera, frame, 'bottom-left')).toEqual({ x: 26, y: 454, width: 320, height: 240 });
    expect(insetRect(camera, frame, 'top-right')).toEqual({ x: 934, y: 26, width: 320, height: 240 });
  });

  it('keeps a portrait camera no taller than half the frame', () => {
    expect(insetRect({ width: 720, height: 1280 }, frame, 'bottom-right')).toEqual({ x: 1051, y: 334, width: 203, height: 360 });
  });

  it('shows the screen with the camera inset, the camera alone, or nothing', () => {
    const screen = { width: 1920, height: 1080 };
    const camera = { width: 640, height: 360 };
    expect(layoutFor(frame, screen, camera, 'bottom-right')).toEqual({
      main: { source: 'screen', rect: { x: 0, y: 0, width: 1280, height: 720 } },
      inset: { x: 934, y: 514, width: 320, height: 180 },
    });
    expect(layoutFor(frame, undefined, camera, 'bottom-right')).toEqual({ main: { source: 'camera', rect: { x: 0, y: 0, width: 1280, height: 720 } } });
    expect(layoutFor(frame, screen, undefined, 'bottom-right').inset).toBeUndefined();
    expect(layoutFor(frame, undefined, undefined, 'bottom-right')).toEqual({});
  });
});

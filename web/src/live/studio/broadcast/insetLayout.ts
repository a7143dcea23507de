/** Where each picture goes on the broadcast canvas: the main picture fitted whole, the camera as an inset in a corner. */

export type Size = { width: number; height: number };
export type Rect = { x: number; y: number; width: number; height: number };
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const corners: Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export type Layout = {
  /** The full-frame picture: the shared screen when there is one, else the camera. */
  main?: { source: 'screen' | 'camera'; rect: Rect };
  /** The camera over the shared screen. */
  inset?: Rect;
};

/** The inset's width as a share of the frame, and its distance from the edges as a share of the frame's width. */
export const INSET_WIDTH = 0.25;
export const INSET_MARGIN = 0.02;

/** Fits `source` whole inside `frame`, centred (letterboxed), never cropping what the lecturer shows. */
export function containRect(source: Size, frame: Size): Rect {
  if (source.width <= 0 || source.height <= 0) return { x: 0, y: 0, width: frame.width, height: frame.height };
  const scale = Math.min(frame.width / source.width, frame.height / source.height);
  const width = Math.round(source.width * scale);
  const height = Math.round(source.height * scale);
  return { x: Math.round((frame.width - width) / 2), y: Math.round((frame.height - height) / 2), width, height };
}

/**
 * The camera's box in a corner: a quarter of the frame's width at the camera's own aspect ratio, but never taller than
 * half the frame (a portrait phone camera would otherwise cover the slides).
 */
export function insetRect(camera: Size, frame: Size, corner: Corner): Rect {
  const aspect = camera.width > 0 && camera.height > 0 ? camera.width / camera.height : 16 / 9;
  let width = Math.round(frame.width * INSET_WIDTH);
  let height = Math.round(width / aspect);
  if (height > frame.height / 2) {
    height = Math.round(frame.height / 2);
    width = Math.round(height * aspect);
  }
  const margin = Math.round(frame.width * INSET_MARGIN);
  const x = corner.endsWith('right') ? frame.width - width - margin : margin;
  const y = corner.startsWith('bottom') ? frame.height - height - margin : margin;
  return { x, y, width, height };
}

/** What the canvas shows for the pictures there are now (a size is absent while its picture is off or not loaded yet). */
export function layoutFor(frame: Size, screen: Size | undefined, camera: Size | undefined, corner: Corner): Layout {
  if (screen) {
    return { main: { source: 'screen', rect: containRect(screen, frame) }, inset: camera ? insetRect(camera, frame, corner) : undefined };
  }
  if (camera) return { main: { source: 'camera', rect: containRect(camera, frame) } };
  return {};
}

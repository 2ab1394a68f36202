/**
 * Where the canvas looks when a flow opens: the whole flow when it fits at a zoom its text can be
 * read at, else that zoom, starting at the flow's top-left corner (where the trigger is) and
 * scrolled from there. Fitting a large flow whole shrinks its steps to unreadable specks.
 */

/** The smallest rendered text, in screen pixels, that counts as readable. */
export const readableTextPx = 12;

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface FitOptions {
  /** The zoom below which the step titles are no longer readable. */
  readonly minZoom: number;
  readonly maxZoom: number;
  /** Screen pixels kept free around the flow. */
  readonly padding: number;
}

/** The zoom at which text of `fontPx` renders at `readableTextPx`. */
export function readableZoom(fontPx: number): number {
  return fontPx > 0 ? readableTextPx / fontPx : 1;
}

/** Along one axis: centred when the flow fits, else its start at the padding. */
function offset(start: number, length: number, zoom: number, available: number, padding: number): number {
  const drawn = length * zoom;
  return drawn + 2 * padding <= available ? (available - drawn) / 2 - start * zoom : padding - start * zoom;
}

export function readableViewport(
  bounds: { x: number; y: number; width: number; height: number },
  canvas: { width: number; height: number },
  options: FitOptions,
): Viewport {
  const fitX = (canvas.width - 2 * options.padding) / Math.max(bounds.width, 1);
  const fitY = (canvas.height - 2 * options.padding) / Math.max(bounds.height, 1);
  const zoom = Math.max(options.minZoom, Math.min(fitX, fitY, options.maxZoom));
  return {
    x: offset(bounds.x, bounds.width, zoom, canvas.width, options.padding),
    y: offset(bounds.y, bounds.height, zoom, canvas.height, options.padding),
    zoom,
  };
}

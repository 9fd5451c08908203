/**
 * The badge's single button, shaped after Espruino's `setWatch(fn, pin,
 * {repeat: true, edge: "both", debounce})`: the callback gets the new level
 * (true = pressed) and the time of the edge in monotonic milliseconds.
 */
export interface Button {
  watch(onEdge: (pressed: boolean, timeMs: number) => void): void;
  unwatch(): void;
}

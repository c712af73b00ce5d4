/**
 * jsdom (jest-environment-jsdom 29) lacks TextEncoder/TextDecoder, which the .xlsx reader used to
 * build test workbooks needs; Node's are the same WHATWG classes. Import this first.
 */
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { TextDecoder, TextEncoder });

/**
 * jsdom has no layout, so no ResizeObserver; Fluent's MessageBar observes its own width to choose a
 * layout. Nothing is ever resized in jsdom, so an observer that never reports is exact here.
 */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof globalThis.ResizeObserver === 'undefined') Object.assign(globalThis, { ResizeObserver: NoLayoutResizeObserver });

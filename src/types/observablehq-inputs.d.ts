// The few @observablehq/inputs functions this project uses (the package ships no types).
declare module "@observablehq/inputs" {
  interface InputElement<T> extends HTMLElement {
    value: T;
  }
  export function range(extent: [number, number], options?: {label?: string; step?: number; value?: number; format?: (x: number) => string}): InputElement<number>;
  export function radio<T>(values: readonly T[], options?: {label?: string; value?: T; format?: (x: T) => string}): InputElement<T>;
  export function checkbox<T>(values: readonly T[], options?: {label?: string; value?: readonly T[]}): InputElement<T[]>;
  export function button(content: string, options?: {label?: string; reduce?: () => void}): InputElement<unknown>;
  export function form<T extends Record<string, unknown>>(inputs: {[K in keyof T]: InputElement<T[K]>}, options?: {template?: (inputs: Record<string, HTMLElement>) => HTMLElement}): InputElement<T>;
}

/** The shape a catalog has: the same keys as the Korean one, every leaf a string. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

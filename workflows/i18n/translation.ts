/**
 * The shape every other language must give a catalog written in English: the same keys, a string
 * for every message. So a key missing from (or added to) a translation is a compile error.
 */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

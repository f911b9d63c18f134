/**
 * The views the APIs know how to compute over a collection (NARWHL reserved endpoint
 * `…/views/{name}`); a resource offers every one unless its entry lists fewer.
 *
 * @example
 * VIEW_NAMES.includes("summary"); // true
 */
export const VIEW_NAMES = ["summary"] as const;

/**
 * The name of one view.
 *
 * @example
 * const view: ViewName = "summary";
 */
export type ViewName = (typeof VIEW_NAMES)[number];

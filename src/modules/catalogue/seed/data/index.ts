/** The Xihu seed catalogue: data elements, material types, items, bundles and service points. */
export { ELEMENTS, form } from './elements.ts';
export { MATERIALS, mayAdd, need, needIf, type MaterialType } from './materials.ts';
export { ITEMS } from './items.ts';
export { BUNDLES } from './bundles.ts';
export { SERVICE_POINTS, type ServicePointSeed } from './service-points.ts';

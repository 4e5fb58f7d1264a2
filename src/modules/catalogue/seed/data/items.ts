/**
 * The Xihu District implementation list (实施清单) as seed data: every service item, grouped by
 * the department that owns it. Item names follow Zhejiang district practice; codes are
 * illustrative, not the official ones (see item-builder.ts).
 */
import type { ItemDef } from '../../model.ts';
import { BUSINESS_ITEMS } from './items-business.ts';
import { LAND_ITEMS } from './items-land.ts';
import { PEOPLE_ITEMS } from './items-people.ts';
import { WELFARE_ITEMS } from './items-welfare.ts';

export const ITEMS: ItemDef[] = [...BUSINESS_ITEMS, ...LAND_ITEMS, ...PEOPLE_ITEMS, ...WELFARE_ITEMS];

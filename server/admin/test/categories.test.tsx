import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../src/pages/CategoriesPage';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'op1', role: 'operator' as const };
const FIRST = { timeout: 15000 };

const CATEGORIES = [
  { id: 2, parentId: null, name: '粮油', iconUrl: '', sort: 2, active: false },
  { id: 11, parentId: 1, name: '苹果', iconUrl: '', sort: 0, active: true },
  { id: 1, parentId: null, name: '水果', iconUrl: '/media/placeholder/fruit.svg', sort: 1, active: true },
];

const rowOf = (name: string) => within(screen.getByText(name).closest('tr') as HTMLElement);

describe('categories page', { timeout: 45000 }, () => {
  it('shows the two-level tree, higher sort first', async () => {
    mockFetch({ ...signIn(operator), 'GET /api/admin/categories': () => json(200, CATEGORIES) });
    renderApp('/categories');

    expect(await screen.findByText('苹果', undefined, FIRST)).toBeTruthy();
    const names = [...document.querySelectorAll('.category-row td:first-child')].map((td) => td.textContent?.trim());
    expect(names).toEqual(['粮油', '水果', '苹果']);
    expect(rowOf('粮油').getByText('停用')).toBeTruthy();
  });

  it('shows the 409 message when a category cannot be deleted', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'DELETE /api/admin/categories/1': () => apiError(409, 'CONFLICT', '该分类下还有商品或子分类，不能删除'),
    });
    renderApp('/categories');
    await screen.findByText('水果', undefined, FIRST);

    fireEvent.click(screen.getByText('水果').closest('tr')!.querySelector('.category-delete')!);
    fireEvent.click(await waitFor(() => document.querySelector('.category-delete-confirm') as HTMLElement));

    expect(await screen.findByText('该分类下还有商品或子分类，不能删除')).toBeTruthy();
    expect(callsTo(fetchMock, 'DELETE', '/api/admin/categories/1')).toHaveLength(1);
  });

  it('says in Chinese what blocks the delete when the 409 has details', async () => {
    mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'DELETE /api/admin/categories/1': () =>
        json(409, { error: { code: 'CONFLICT', message: 'category still has 1 child categories and 3 products', details: { children: 1, products: 3 } } }),
    });
    renderApp('/categories');
    await screen.findByText('水果', undefined, FIRST);

    fireEvent.click(screen.getByText('水果').closest('tr')!.querySelector('.category-delete')!);
    fireEvent.click(await waitFor(() => document.querySelector('.category-delete-confirm') as HTMLElement));

    expect(await screen.findByText('不能删除：该分类下还有 1 个子分类、3 件商品')).toBeTruthy();
  });

  it('creates a child category under a root', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'POST /api/admin/categories': () => json(201, { id: 12 }),
    });
    renderApp('/categories');
    await screen.findByText('水果', undefined, FIRST);

    fireEvent.click(rowOf('水果').getByText('添加子分类'));
    await waitFor(() => expect(document.getElementById('category_name')).not.toBeNull());
    fireEvent.change(document.getElementById('category_name')!, { target: { value: ' 香蕉 ' } });
    fireEvent.change(document.getElementById('category_sort')!, { target: { value: '3' } });
    fireEvent.click(document.querySelector('.category-submit')!);

    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/categories')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/categories')[0].body).toEqual({ parentId: 1, name: '香蕉', sort: 3, active: true });
    // the list is fetched again
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/categories')).toHaveLength(2));
  });
});

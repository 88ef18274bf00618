import { importGraph, moduleCycles, moduleDependencies } from './support/module-graph';

/** docs/architecture.md, "Module boundaries": no import cycle between module folders, and common/ knows no module. */
describe('module boundaries (imports between folders of server/src)', () => {
  const graph = importGraph();

  it('has no import cycle between module folders', () => {
    const cycles = moduleCycles(graph);
    const explain = cycles.map((c) => c.map((m) => `${m} → ${[...graph.get(m)!].filter(([to]) => c.includes(to)).map(([to, file]) => `${to} (${file})`).join(', ')}`).join('\n'));
    expect(explain).toEqual([]);
  });

  it('common/ imports nothing from modules/', () => {
    const intoModules = [...(graph.get('common') ?? new Map<string, string>())].filter(([to]) => to.startsWith('modules/')).map(([to, file]) => `${file} → ${to}`);
    expect(intoModules).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const g = new Map([
      ['modules/a', new Map([['modules/b', 'a.ts']])],
      ['modules/b', new Map([['modules/c', 'b.ts']])],
      ['modules/c', new Map([['modules/a', 'c.ts']])],
      ['modules/d', new Map([['modules/a', 'd.ts']])],
    ]);
    expect(moduleCycles(g)).toEqual([['modules/a', 'modules/b', 'modules/c']]);
  });

  it('prints the module dependency list (MODULE_GRAPH=1)', () => {
    const lines = moduleDependencies(graph);
    if (process.env.MODULE_GRAPH) console.log(lines.join('\n'));
    expect(lines.length).toBeGreaterThan(10);
  });
});

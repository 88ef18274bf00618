import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A part of the server: `modules/<name>`, or a top-level folder of src (`common`, `database`, `wechat`, …). */
export type Part = string;

const SRC = resolve(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function partOf(file: string): Part | null {
  const rel = relative(SRC, file).split(/[\\/]/);
  if (rel[0] === '..') return null;
  if (rel.length === 1) return rel[0].replace(/\.ts$/, ''); // main.ts, app.module.ts …
  return rel[0] === 'modules' ? `modules/${rel[1]}` : rel[0];
}

/** Which parts each part imports (relative imports of src/, types included), with one file that does it. */
export function importGraph(): Map<Part, Map<Part, string>> {
  const graph = new Map<Part, Map<Part, string>>();
  for (const file of files(SRC)) {
    const from = partOf(file)!;
    const edges = graph.get(from) ?? new Map<Part, string>();
    graph.set(from, edges);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = partOf(resolve(dirname(file), m[1]));
      if (to && to !== from && !edges.has(to)) edges.set(to, relative(SRC, file));
    }
  }
  return graph;
}

/** The import cycles between module folders (strongly connected components of more than one module). */
export function moduleCycles(graph: Map<Part, Map<Part, string>>): Part[][] {
  const modules = [...graph.keys()].filter((p) => p.startsWith('modules/')).sort();
  const index = new Map<Part, number>();
  const low = new Map<Part, number>();
  const stack: Part[] = [];
  const onStack = new Set<Part>();
  const cycles: Part[][] = [];
  let next = 0;
  const visit = (v: Part) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of [...(graph.get(v)?.keys() ?? [])].filter((p) => p.startsWith('modules/'))) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: Part[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const m of modules) if (!index.has(m)) visit(m);
  return cycles;
}

/** One line per module: what it imports among the modules. */
export function moduleDependencies(graph: Map<Part, Map<Part, string>>): string[] {
  return [...graph.keys()]
    .filter((p) => p.startsWith('modules/'))
    .sort()
    .map((p) => `${p.slice('modules/'.length)} → ${[...graph.get(p)!.keys()].filter((q) => q.startsWith('modules/')).map((q) => q.slice('modules/'.length)).sort().join(', ') || '—'}`);
}

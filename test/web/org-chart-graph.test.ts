import { describe, expect, it } from 'vitest';
import { escalationChain, orgLayoutGraph, personAt, reportingEdges, type ChartPerson } from '../../designer/src/people/org-chart-graph';

const person = (id: string, managerId: string | null): ChartPerson => ({ id, name: id.toUpperCase(), managerId, role: 'member', active: true });
const chart = [person('ceo', null), person('head', 'ceo'), person('east', 'head'), person('west', 'head'), person('erin', 'east')];

describe('the org chart graph', () => {
  it('names a person and everyone above them, nearest first, up to the top', () => {
    expect(escalationChain(chart, 'erin').map((p) => p.id)).toEqual(['erin', 'east', 'head', 'ceo']);
    expect(escalationChain(chart, 'ceo').map((p) => p.id)).toEqual(['ceo']);
    expect(escalationChain(chart, 'nobody')).toEqual([]);
  });

  it('stops at a manager it does not know, and at a loop, instead of going round forever', () => {
    expect(escalationChain([person('a', 'gone')], 'a').map((p) => p.id)).toEqual(['a']);
    expect(escalationChain([person('a', 'b'), person('b', 'a')], 'a').map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('draws an edge from each manager to each report, marking those on the chosen chain', () => {
    const edges = reportingEdges(chart, escalationChain(chart, 'erin'));
    expect(edges.map((e) => e.id).sort()).toEqual(['ceo->head', 'east->erin', 'head->east', 'head->west']);
    expect(edges.filter((e) => e.className?.includes('org-edge--chain')).map((e) => e.id).sort()).toEqual(['ceo->head', 'east->erin', 'head->east']);
  });

  it('finds the card under a point, never the one being dragged, and none over empty space', () => {
    const positions = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 300, y: 0 }],
    ]);
    expect(personAt({ x: 310, y: 30 }, positions, 'a')).toBe('b');
    expect(personAt({ x: 10, y: 30 }, positions, 'a')).toBeNull();
    expect(personAt({ x: 250, y: 30 }, positions, 'a')).toBeNull();
  });

  it('lays managers out above their reports, every person once', () => {
    const graph = orgLayoutGraph(chart);
    expect(graph.layoutOptions?.['elk.direction']).toBe('DOWN');
    expect(graph.children?.map((c) => c.id)).toEqual(chart.map((p) => p.id));
    expect(graph.edges).toHaveLength(4);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_STATE, formatGraphState, parseGraphState } from '../../src/lib/graph-state.ts';
import { VIEW_NODE_TYPES } from '../../src/outputs/graph-view.ts';
import { RELATION_TYPES } from '../../src/pipeline/types.ts';

describe('graph view URL state', () => {
  it('reads focus, depth, types and relations', () => {
    const { state, problems } = parseGraphState('?focus=azure-ad-connect&depth=2&types=tool,concept&rel=replaces');
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ focus: 'azure-ad-connect', depth: 2, types: ['tool', 'concept'], rel: ['replaces'], weight: 1 });
  });

  it('explains bad parameters and keeps the good ones', () => {
    const { state, problems } = parseGraphState('focus=dirsync&depth=99&types=tool,planet&theme=neon&weight=-1');
    expect(state.focus).toBe('dirsync');
    expect(state.depth).toBe(DEFAULT_STATE.depth);
    expect(state.types).toEqual(DEFAULT_STATE.types);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('depth=');
    expect(problems.join('\n')).toContain('types is a comma-separated list of concept');
  });

  it('writes a short query string: defaults are left out', () => {
    expect(formatGraphState(DEFAULT_STATE)).toBe('');
    expect(formatGraphState({ ...DEFAULT_STATE, from: 'dirsync', to: 'ad-fs', focus: 'x' })).toBe('from=dirsync&to=ad-fs');
    expect(formatGraphState({ ...DEFAULT_STATE, focus: 'doc:a/b', depth: 2, types: ['tool', 'concept'] })).toBe(
      'focus=doc:a%2Fb&depth=2&types=concept,tool',
    );
  });

  it('round-trips any view', () => {
    const state = fc.record({
      focus: fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0), { nil: undefined }),
      depth: fc.integer({ min: 1, max: 4 }),
      types: fc.subarray([...VIEW_NODE_TYPES], { minLength: 1 }),
      rel: fc.subarray([...RELATION_TYPES], { minLength: 1 }),
      weight: fc.integer({ min: 1, max: 50 }),
      theme: fc.option(fc.constantFrom('light' as const, 'dark' as const), { nil: undefined }),
    });
    fc.assert(
      fc.property(state, (s) => {
        const parsed = parseGraphState(formatGraphState(s));
        expect(parsed.problems).toEqual([]);
        expect(parsed.state).toEqual({
          ...s,
          focus: s.focus,
          depth: s.focus ? s.depth : DEFAULT_STATE.depth,
          types: VIEW_NODE_TYPES.filter((t) => s.types.includes(t)),
          rel: RELATION_TYPES.filter((t) => s.rel.includes(t)),
          ...(s.focus ? {} : { focus: undefined }),
        });
      }),
    );
  });
});

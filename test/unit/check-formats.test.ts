// The output formats of `docgraph check` (src/outputs/diagnostics/): exact GitHub workflow commands,
// SARIF valid against the SARIF 2.1.0 schema, JUnit valid against the Jenkins JUnit schema, and no
// content text that can break out of any of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatCheck, type CheckReport } from '../../src/outputs/diagnostics/index.ts';
import { RULES } from '../../src/outputs/diagnostics/rules.ts';
import type { Diagnostic } from '../../src/pipeline/types.ts';
import { junitErrors, sarifErrors } from '../helpers/check-schemas.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const tool = { name: 'docgraph', version: '0.1.0', informationUri: 'https://docs.example.com/docgraph' };
const root = '/work/repo/';

const brokenLink: Diagnostic = { severity: 'error', code: 'broken-link', file: 'docs/index.md', line: 7, column: 31, message: '"gone.md" links to a file that does not exist.', hint: 'Fix the path (relative to this file) or remove the link.' };
const missingTitle: Diagnostic = { severity: 'warning', code: 'missing-title', file: 'docs/guide.md', line: 1, column: 1, message: 'No title in front matter; using the file name: "guide".', hint: 'Add `title:` to the front matter.' };
const report: CheckReport = { diagnostics: [missingTitle, brokenLink], files: ['docs/clean.md', 'docs/guide.md', 'docs/index.md'], tool, root };

// What a hostile folder can put into a diagnostic: a file name with the workflow-command and XML
// separators, and a message with newlines, a CDATA end, quotes, a terminal escape and a NUL.
const hostileFile = 'docs/a,b::c %25 "q" <x>&]]>.md';
const hostileMessage = '"x" links\r\n::error file=evil.md::injected ]]> <failure> & \'\u001b[31m\u0000';
const hostile: CheckReport = {
  diagnostics: [{ severity: 'error', code: 'broken-link', file: hostileFile, line: 2, column: 3, message: hostileMessage, hint: 'line one\nline two' }],
  files: [hostileFile],
  tool,
  root,
};

describe('--format github', () => {
  it('prints one workflow command per problem, as GitHub documents them, then a summary', () => {
    expect(formatCheck('github', report).split('\n')).toEqual([
      '::warning file=docs/guide.md,line=1,col=1,title=docgraph missing-title::No title in front matter; using the file name: "guide".%0AAdd `title:` to the front matter.',
      '::error file=docs/index.md,line=7,col=31,title=docgraph broken-link::"gone.md" links to a file that does not exist.%0AFix the path (relative to this file) or remove the link.',
      'docgraph check: 3 file(s) checked, 1 error(s), 1 warning(s)',
      '',
    ]);
  });

  it('escapes data and properties so that no file name or message can start another command', () => {
    const lines = formatCheck('github', hostile).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '::error file=docs/a%2Cb%3A%3Ac %2525 "q" <x>&]]>.md,line=2,col=3,title=docgraph broken-link::"x" links%0A::error file=evil.md::injected ]]> <failure> & \'\\u{1b}[31m\\u{0}%0Aline one%0Aline two',
    );
  });
});

describe('--format text', () => {
  it('prints file:line:column, severity, code, message and fix, with control characters shown as escapes', () => {
    expect(formatCheck('text', report)).toBe(
      [
        'docs/guide.md:1:1 warning missing-title: No title in front matter; using the file name: "guide".',
        '    Add `title:` to the front matter.',
        'docs/index.md:7:31 error broken-link: "gone.md" links to a file that does not exist.',
        '    Fix the path (relative to this file) or remove the link.',
        'docgraph check: 3 file(s) checked, 1 error(s), 1 warning(s)',
        '',
      ].join('\n'),
    );
    const text = formatCheck('text', hostile);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    // The message and the hint stay one line each (their CR/LF are escapes), then the summary.
    expect(text.split('\n')).toHaveLength(4);
  });
});

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with the tool, its rules and each result located under SRCROOT', () => {
    const log = JSON.parse(formatCheck('sarif', report)) as SarifLog;
    expect(sarifErrors(log)).toEqual([]);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'docgraph', version: '0.1.0', informationUri: 'https://docs.example.com/docgraph' });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(Object.keys(RULES).sort());
    expect(run.originalUriBaseIds.SRCROOT?.uri).toBe('file:///work/repo/');
    expect(run.results).toEqual([
      {
        ruleId: 'missing-title',
        ruleIndex: run.tool.driver.rules.findIndex((r) => r.id === 'missing-title'),
        level: 'warning',
        message: { text: `${missingTitle.message}\n${missingTitle.hint}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/guide.md', uriBaseId: 'SRCROOT' }, region: { startLine: 1, startColumn: 1 } } }],
      },
      expect.objectContaining({ ruleId: 'broken-link', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/index.md', uriBaseId: 'SRCROOT' }, region: { startLine: 7, startColumn: 31 } } }] }),
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('stays valid with hostile names: the URI is percent-encoded, the message kept as it is', () => {
    const log = JSON.parse(formatCheck('sarif', hostile)) as SarifLog;
    expect(sarifErrors(log)).toEqual([]);
    const result = log.runs[0]!.results[0]!;
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/a%2Cb%3A%3Ac%20%2525%20%22q%22%20%3Cx%3E%26%5D%5D%3E.md');
    expect(decodeURIComponent(result.locations[0]!.physicalLocation.artifactLocation.uri)).toBe(hostileFile);
    expect(result.message.text).toBe(`${hostileMessage}\nline one\nline two`);
  });

  it('the schema check can fail: a result without a message is refused', () => {
    const log = JSON.parse(formatCheck('sarif', report)) as SarifLog;
    delete (log.runs[0]!.results[0] as Partial<SarifLog['runs'][number]['results'][number]>).message;
    expect(sarifErrors(log)).not.toEqual([]);
  });
});

describe('--format junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'failure' });

  it('is valid against the JUnit schema: one testcase per file, a failure per error, warnings in system-out', async () => {
    const xml = formatCheck('junit', { ...report, diagnostics: [...report.diagnostics, { ...brokenLink, line: 9, message: 'second' }] });
    expect(await junitErrors(xml)).toEqual([]);
    const suite = parser.parse(xml).testsuites.testsuite as JunitSuite;
    expect(suite).toMatchObject({ name: 'docgraph check', tests: '3', failures: '1', errors: '0' });
    expect(suite.testcase.map((c) => c.name)).toEqual(['docs/clean.md', 'docs/guide.md', 'docs/index.md']);
    const [clean, guide, index] = suite.testcase;
    expect(clean!.failure).toBeUndefined();
    expect(guide!.failure).toBeUndefined();
    expect(guide!['system-out']).toBe(`warning missing-title: docs/guide.md:1:1: ${missingTitle.message}\n${missingTitle.hint}`);
    expect(index!.failure!.map((f) => [f.type, f.message])).toEqual([['broken-link', brokenLink.message], ['broken-link', 'second']]);
    expect(index!.failure![0]!['#text']).toBe(`docs/index.md:7:31: ${brokenLink.message}\n${brokenLink.hint}`);
  });

  it('stays valid and well-formed with hostile names and messages, which come back unchanged but for illegal characters', async () => {
    const xml = formatCheck('junit', hostile);
    expect(await junitErrors(xml)).toEqual([]);
    expect(xml).not.toContain(']]>');
    const suite = parser.parse(xml).testsuites.testsuite as JunitSuite;
    expect(suite.testcase).toHaveLength(1);
    expect(suite.testcase[0]!.name).toBe(hostileFile);
    // NUL and ESC cannot be in XML 1.0 at all: they become U+FFFD; CR LF stays in the attribute.
    expect(suite.testcase[0]!.failure![0]!.message).toBe(hostileMessage.replace(/[\u001b\u0000]/g, '\ufffd'));
  });

  it('the schema check can fail: a testcase without a name is refused', async () => {
    expect(await junitErrors(formatCheck('junit', report).replace('name="docs/clean.md" ', ''))).not.toEqual([]);
  });
});

describe('the rule catalogue', () => {
  it('names every code the pipeline reports', () => {
    const dir = join(PROJECT_ROOT, 'src', 'pipeline');
    const codes = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/code: '([a-z0-9-]+)'|report\((?:'(?:error|warning)', )?\w+, '([a-z0-9-]+)'/g)) codes.add(m[1] ?? m[2]!);
      for (const m of source.matchAll(/'(broken-(?:link|anchor|image))'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(20);
    expect([...codes].filter((c) => !(c in RULES))).toEqual([]);
  });
});

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: { id: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

interface JunitSuite {
  name: string;
  testcase: { name: string; failure?: { type: string; message: string; '#text': string }[]; 'system-out'?: string }[];
}

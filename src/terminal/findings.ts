/** Renders findings as text, JSON or GitHub Actions annotations. Pure: strings out. */
import type { Colours } from './output.js';
import type { CheckSummary, Finding } from '../core/check/index.js';

export const CHECK_JSON_VERSION = 1;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(s: CheckSummary): string {
  if (s.errors === 0 && s.warnings === 0) return `No problems in ${plural(s.documents, 'document')}.`;
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} in ${plural(s.files, 'file')} (${plural(s.documents, 'document')} checked).`;
}

/** `path:line:col: severity rule-id: message`, grouped per file, then a summary line. */
export function formatText(findings: Finding[], summary: CheckSummary, c?: Colours): string[] {
  const lines: string[] = [];
  let last: string | undefined;
  for (const f of findings) {
    if (last !== undefined && f.path !== last) lines.push('');
    last = f.path;
    const sev = f.severity === 'error' ? (c ? c.red('error') : 'error') : c ? c.yellow('warning') : 'warning';
    lines.push(`${f.path}:${f.line}:${f.col}: ${sev} ${c ? c.dim(f.rule) : f.rule}: ${f.message}`);
  }
  if (lines.length) lines.push('');
  lines.push(summaryLine(summary));
  return lines;
}

export function formatJson(findings: Finding[], summary: CheckSummary): string {
  return JSON.stringify({ schema_version: CHECK_JSON_VERSION, summary, findings }, null, 2);
}

/** GitHub workflow commands: values escaped as the runner expects. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: Finding[], summary: CheckSummary): string[] {
  const lines = findings.map(
    (f) => `::${f.severity} file=${escapeProperty(f.path)},line=${f.line},col=${f.col},title=${escapeProperty(`archdoc ${f.rule}`)}::${escapeData(f.message)}`,
  );
  lines.push(summaryLine(summary));
  return lines;
}

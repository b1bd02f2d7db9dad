import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SrmSettings } from '../../../protocol/settings';
import type { Diagnostic, Edit, Severity, Span } from '../core';

/** The one place offsets become LSP positions (UTF-16 columns, as JavaScript strings count them). */
export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toTextEdit(doc: TextDocument, edit: Edit): TextEdit {
  return { range: toRange(doc, edit), newText: edit.text };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The severity a user configured for a finding; `undefined` when they switched its code off. */
export function effectiveSeverity(d: Diagnostic, settings: SrmSettings): Severity | undefined {
  const configured = settings.severity[d.code];
  if (configured === 'off') return undefined;
  return configured ?? d.severity;
}

export function toLspDiagnostic(doc: TextDocument, d: Diagnostic, severity: Severity): LspDiagnostic {
  return toLspDiagnosticAt(toRange(doc, d.span), d, severity);
}

/** A finding in LSP form, its span already turned into `range`. */
export function toLspDiagnosticAt(range: Range, d: Diagnostic, severity: Severity): LspDiagnostic {
  return {
    range,
    severity: SEVERITY[severity],
    code: d.code,
    source: 'srm',
    message: d.message,
    // Lets a code action find the engine's finding again without re-matching messages.
    data: { start: d.span.start, end: d.span.end, code: d.code },
  };
}

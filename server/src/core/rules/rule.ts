import type { ServiceCatalogue } from '../catalogue/catalogue';
import type { CheckEnvironment, MatrixChoice } from '../environment';
import type { MatrixIndex } from '../matrix/matrix-index';
import type { Declaration } from '../parse/declaration';
import type { EditContext } from '../fixes/edit-context';
import type { Suppressions } from '../suppress';
import type { IacView } from '../iac/view';
import type { Diagnostic, Fix, Severity, Span } from '../types';

export interface RuleContext {
  readonly declaration: Declaration;
  /** The text the declaration's offsets point into. */
  readonly text: string;
  /** The declaration's matrix; undefined when it names one that is unknown or broken (a rule reports that). */
  readonly matrix: MatrixIndex | undefined;
  readonly matrixChoice: MatrixChoice;
  readonly environment: CheckEnvironment;
  readonly catalogue: ServiceCatalogue;
  readonly edits: EditContext;
  /** The document's `# srm-ignore` comments: a fix that closes several findings at once leaves out the suppressed ones. */
  readonly suppressions: Suppressions;
  /** What the declaration's `iac:` links resolve to, when the adapter read the IaC (SRM060–SRM065 need it). */
  readonly iac?: IacView;
  /** Reports a finding; the severity is the rule's default unless given. */
  report(finding: Finding): void;
}

export interface Finding {
  readonly message: string;
  readonly span: Span;
  readonly fixes?: readonly Fix[];
  readonly layerId?: string;
  readonly severity?: Severity;
  /** See `Diagnostic.gap`. */
  readonly gap?: boolean;
}

/** One check. Rules are pure: they read the declaration and report findings. */
export interface Rule {
  /** Stable: `SRM` and three digits. Never reused for another meaning. */
  readonly code: string;
  /** A short kebab-case name, for SARIF and docs. */
  readonly name: string;
  readonly severity: Severity;
  /** One line: what the rule finds. */
  readonly description: string;
  /** Why it matters and how to resolve it: the help text of SARIF and `srm explain`. */
  readonly help: string;
  /** What its fixes do, in words (empty when it has none). */
  readonly fixes: readonly string[];
  /** Whether `check` runs it per declaration. Rules that the parser or suppression layer report have none. */
  readonly check?: (ctx: RuleContext) => void;
}

export type { Diagnostic };

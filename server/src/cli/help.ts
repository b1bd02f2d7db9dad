/** The usage text; the model ids come from the default matrix. */
export function helpText(modelIds: readonly string[]): string {
  return `srm — check *.srm.yaml shared-responsibility declarations

Usage:
  srm check [files|folders|globs] [options]
  srm discover [folders|files] [--write [--group folder]] [options]
  srm explain <layer | SRMnnn | model | service | matrix[:layer]> [--markdown]
  srm matrices [folder] [--format json]
  srm report [files|folders|globs] [--format <name>] [--by owner] [-o <file>]
  srm --help | --version

Every command reads the srm.config.yaml nearest to each declaration (up to
the repository root), as the editor does; -c, --config <file> uses that one
for every declaration instead. A configuration with an error stops the run.

srm check
  With no paths, checks every *.srm.yaml and *.srm.yml below the current
  folder (node_modules and .git are skipped). Quote globs: 'infra/**/*.srm.yaml'.

  -f, --format <name>    stylish (default), json or sarif (SARIF 2.1.0)
  -o, --output <file>    write the report to a file instead of standard output
      --fix              apply every safe fix in place, then report what remains
      --max-warnings <n> fail when there are more than n warnings
      --no-inline-ignore ignore "# srm-ignore CODE: reason" comments
      --verbose          show hints too (json and sarif always include them)
      --color, --no-color
                         force colour on or off (default: on for a terminal;
                         NO_COLOR and FORCE_COLOR are respected)
  -c, --config <file>    the configuration for every declaration
  -j, --jobs <n>         check in at most n worker threads; 1 checks in one
                         thread. Default: one per processor but one (up to
                         8), from 1,000 files. Same report either way

srm discover
  Lists the workload resources in Terraform (*.tf, local modules followed)
  and CloudFormation/SAM templates below the paths (default: here) that no
  declaration's iac: claims, with file:line, the inferred service and model.
  Declarations are read below the paths and the current folder.

  -f, --format <name>    stylish (default), json or sarif
  -o, --output <file>    write the report to a file instead of standard output
      --write            write a proposed declaration for each undeclared
                         workload, next to its Terraform or template; never
                         overwrites a file
      --group <how>      resource (default: one declaration per resource) or
                         folder (one per folder)
      --color, --no-color

srm explain
  Explains a layer (id, display name or common spelling such as os or iam),
  a rule (SRM001), a service model (${modelIds.join(', ')}), a catalogued service
  ("Azure App Service") or a matrix (azure@2026-01, azure:network-config).
  --markdown prints the markdown the editor's hovers show.

srm matrices
  Every matrix a declaration in the folder may name: built in, or a
  *.srm-matrix.yaml the configuration lists, with its source and what it
  extends, and the default for declarations that name none.

srm report
  Who owns each layer of every workload, with the gaps, totals and the
  matrix of each row. Gaps do not change the exit code: srm check does.

  -f, --format <name>    markdown (default), csv, html, json or oscal-ssp
                         (an OSCAL 1.0.6 System Security Plan; its date is
                         now, or SOURCE_DATE_EPOCH)
      --by owner         one row per owner (markdown, csv and html)
  -o, --output <file>    write the report to a file instead of standard output
  -c, --config <file>    the configuration for every declaration
  -j, --jobs <n>         as for srm check

Exit codes:
  0  no errors (and no more warnings than --max-warnings allows); report: written;
     discover: no undeclared workloads (with --write: every one proposed)
  1  errors found, or too many warnings; discover: undeclared workloads
  2  usage error, a configuration with an error, a file or folder that cannot
     be read, or a fix that could not be written (reported at the end)
`;
}

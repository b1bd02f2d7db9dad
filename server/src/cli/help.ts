/** The usage text; the model ids come from the responsibility model. */
export function helpText(modelIds: readonly string[]): string {
  return `srm — check *.srm.yaml shared-responsibility declarations

Usage:
  srm check [files|folders|globs] [options]
  srm discover [folders|files] [--write [--group folder]] [options]
  srm explain <layer | SRMnnn | model | service> [--markdown]
  srm --help | --version

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
  a rule (SRM001), a service model (${modelIds.join(', ')}) or a catalogued service
  ("Azure App Service"). --markdown prints the markdown the editor's hovers show.

Exit codes:
  0  no errors (and no more warnings than --max-warnings allows);
     discover: no undeclared workloads (with --write: every one proposed)
  1  errors found, or too many warnings; discover: undeclared workloads
  2  usage error, or a file or folder that cannot be read
`;
}

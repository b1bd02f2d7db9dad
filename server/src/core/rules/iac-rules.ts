import { iacPathNotFound } from './srm060-iac-path-not-found';
import { iacResourceNotFound } from './srm061-iac-resource-not-found';
import { iacClaimedTwice } from './srm062-iac-claimed-twice';
import { iacModelContradiction } from './srm063-iac-model-contradiction';
import { iacEntryMalformed } from './srm064-iac-entry-malformed';
import { iacPathWithoutIac } from './srm065-iac-path-without-iac';
import { undeclaredWorkload } from './srm066-undeclared-workload';
import { iacSyntax } from './srm067-iac-syntax';
import type { Rule } from './rule';

/** The rules of the `iac:` link and of discovery (SRM060–SRM067), in code order: for the registry to include. */
export const IAC_RULES: readonly Rule[] = [iacPathNotFound, iacResourceNotFound, iacClaimedTwice, iacModelContradiction, iacEntryMalformed, iacPathWithoutIac, undeclaredWorkload, iacSyntax];

import type { CollectionTag, ScalarTag } from 'yaml';

/**
 * The short forms of CloudFormation's intrinsic functions and of its rule
 * functions. Each may tag a scalar, a list or a mapping (`!Sub` takes a
 * string or a list, `!Transform` a mapping), so each is declared three times.
 * The tagged node keeps its tag and its content: discovery reads a tagged
 * value as an expression, never as a literal.
 */
export const CFN_SHORT_FORMS: readonly string[] = [
  'And', 'Base64', 'Cidr', 'Condition', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'Equals',
  'FindInMap', 'ForEach', 'GetAZs', 'GetAtt', 'If', 'ImportValue', 'Join', 'Length', 'Not', 'Or',
  'Ref', 'RefAll', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform', 'ValueOf', 'ValueOfAll',
];

export const CFN_TAGS: readonly (ScalarTag | CollectionTag)[] = CFN_SHORT_FORMS.flatMap((name): (ScalarTag | CollectionTag)[] => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq', resolve: (value) => value },
  { tag: `!${name}`, collection: 'map', resolve: (value) => value },
]);

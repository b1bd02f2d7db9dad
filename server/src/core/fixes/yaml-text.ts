/**
 * A text as a YAML scalar a fix can write: plain where YAML reads it back as
 * the same text, else double-quoted (JSON's escapes are YAML's).
 */
export function yamlScalar(text: string): string {
  const plain =
    /^[A-Za-z0-9][A-Za-z0-9 ._/@()'-]*$/.test(text) &&
    !/ $/.test(text) &&
    !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text) &&
    !/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) &&
    !/^0[xo]/i.test(text);
  return plain ? text : JSON.stringify(text);
}

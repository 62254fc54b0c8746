/**
 * A strict little XML reader for tests: elements, attributes ignored, text with the five
 * predefined entities and numeric references, an optional declaration. It throws on anything not
 * well-formed (an unclosed or mismatched tag, stray `<` or `&`), so a test that parses an answer
 * also checks that it is XML.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function decode(s: string): string {
  if (/<|&(?!(lt|gt|amp|apos|quot|#\d+|#x[0-9a-fA-F]+);)/.test(s)) throw new Error(`not well-formed text: ${s.slice(0, 40)}`);
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(parseInt(e.slice(1), 10)) : ENTITIES[e]!,
  );
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const src = xml.replace(/^\uFEFF/, '');
  const skipSpace = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  skipSpace();
  if (src.startsWith('<?xml', i)) {
    const end = src.indexOf('?>', i);
    if (end < 0) throw new Error('unterminated declaration');
    i = end + 2;
  }
  skipSpace();
  const element = (): XmlElement => {
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*("[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(src.slice(i));
    if (!open) throw new Error(`expected an element at ${i}: ${src.slice(i, i + 30)}`);
    i += open[0].length;
    const el: XmlElement = { name: open[1]!, children: [], text: '' };
    if (open[4] === '/') return el;
    for (;;) {
      const lt = src.indexOf('<', i);
      if (lt < 0) throw new Error(`unclosed <${el.name}>`);
      el.text += decode(src.slice(i, lt));
      i = lt;
      if (src.startsWith('</', i)) {
        const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(src.slice(i));
        if (!close || close[1] !== el.name) throw new Error(`mismatched </${close?.[1]}> for <${el.name}>`);
        i += close[0].length;
        return el;
      }
      el.children.push(element());
    }
  };
  const root = element();
  skipSpace();
  if (i !== src.length) throw new Error('content after the root element');
  return root;
}

/** An element's children as `{ name: text }` (leaf elements only). */
export const fieldsOf = (el: XmlElement): Record<string, string> => Object.fromEntries(el.children.map((c) => [c.name, c.text]));

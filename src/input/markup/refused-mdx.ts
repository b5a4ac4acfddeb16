import type { Element, ElementContent, Nodes, Root, RootContent } from 'hast';
import type { Expression, Program } from 'estree';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { find, html } from 'property-information';
import { hasInvisible, INVISIBLE_HINT, invisibleNames } from '../invisible.ts';
import { MDX_COMPONENTS, type PropKind } from '../schema/mdx-components.ts';
import { refusedHtml, type Finding } from './refused-html.ts';

/**
 * What an MDX story may hold beyond Markdown: the documented components with literal props, and
 * HTML within the same list as Markdown files. No import/export, no { } expression: nothing that runs.
 * Works on the HTML tree of mdxTree(), or on the one the MDX pipeline hands to rehype plugins.
 */
export function refusedMdx(tree: Root): Finding[] {
  const findings: Finding[] = [];
  const plain = toPlainHtml(tree, findings) as Root;
  return [...findings, ...refusedHtml(plain)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

type Jsx = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Any = Nodes | Jsx | { type: 'mdxjsEsm' | 'mdxFlowExpression' | 'mdxTextExpression'; value: string; position?: Element['position']; data?: { estree?: Program } };

const at = (node: { position?: Element['position'] }) => ({ line: node.position?.start.line, column: node.position?.start.column });
const COMPONENT_LIST = Object.keys(MDX_COMPONENTS).join('、');
const EXAMPLE = '如 <QuotaChart year={2019} />';

export const BRACE_MESSAGE = '正文中有英文花括号 { }，MDX 文件会把它当成程序代码';
export const BRACE_HINT = `改用中文括号（）或全角花括号｛｝；组件的属性才用花括号，${EXAMPLE}`;

/** The tree with the MDX parts checked and taken out: HTML in JSX becomes elements, components leave their children. */
function toPlainHtml(node: Any, findings: Finding[]): Nodes | Nodes[] | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      findings.push({ ...at(node), message: 'MDX 文件里不能写 import 或 export', hint: `删除这一段；可用的组件（${COMPONENT_LIST}）不用 import，直接写，${EXAMPLE}` });
      return undefined;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      // {/* … */} is MDX's comment: nothing is shown and nothing runs.
      if (node.data?.estree && node.data.estree.body.length === 0) return undefined;
      findings.push({ ...at(node), message: BRACE_MESSAGE, hint: BRACE_HINT });
      return undefined;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const children = plainChildren(node.children as Any[], findings);
      if (node.name === null) return children; // a fragment <>…</>
      if (/^[a-z][a-z0-9-]*$/.test(node.name)) {
        const element: Element = { type: 'element', tagName: node.name, properties: htmlProperties(node, findings), children: children as ElementContent[] };
        if (node.position) element.position = node.position;
        return element;
      }
      findings.push(...componentProblems(node));
      return children;
    }
    case 'element':
    case 'root':
      return { ...node, children: plainChildren(node.children as Any[], findings) } as Nodes;
    default:
      return node as Nodes;
  }
}

function plainChildren(children: Any[], findings: Finding[]): RootContent[] {
  return children.flatMap((child) => toPlainHtml(child, findings) ?? []) as RootContent[];
}

/** A prop's value if it is written out as data: "text", {2019}, {-1}, {"text"}, {true}, {['a', 1]}. */
export function literalValue(attribute: MdxJsxAttribute): { value: unknown } | undefined {
  const { value } = attribute;
  if (value === null || value === undefined) return { value: true };
  if (typeof value === 'string') return { value };
  const program = value.data?.estree;
  const statement = program?.body.length === 1 ? program.body[0] : undefined;
  return statement?.type === 'ExpressionStatement' ? literal(statement.expression) : undefined;
}

function literal(expression: Expression | null): { value: unknown } | undefined {
  if (!expression) return undefined;
  if (expression.type === 'Literal' && !('regex' in expression) && !('bigint' in expression)) return { value: expression.value };
  if (expression.type === 'UnaryExpression' && expression.operator === '-' && expression.argument.type === 'Literal' && typeof expression.argument.value === 'number') {
    return { value: -expression.argument.value };
  }
  if (expression.type === 'ArrayExpression') {
    const items = expression.elements.map((e) => (e && e.type !== 'SpreadElement' ? literal(e) : undefined));
    return items.every(Boolean) ? { value: items.map((i) => i!.value) } : undefined;
  }
  return undefined;
}

const KIND: Record<PropKind, { name: string; ok: (v: unknown) => boolean; example: (p: string) => string }> = {
  number: { name: '数字', ok: (v) => typeof v === 'number', example: (p) => `${p}={2019}（数字写在花括号里，不加引号）` },
  text: { name: '文字', ok: (v) => typeof v === 'string', example: (p) => `${p}="文字"` },
  list: { name: '列表', ok: (v) => Array.isArray(v), example: (p) => `${p}={['甲', '乙']}` },
};

function componentProblems(node: Jsx): Finding[] {
  const name = node.name!;
  const props = MDX_COMPONENTS[name];
  if (!props) {
    return [{ ...at(node), message: `没有名为 <${name}> 的组件`, hint: `可用的组件：${COMPONENT_LIST}（注意大小写）；文字中的英文小于号 < 请改用全角＜` }];
  }
  const propList = Object.keys(props).join('、');
  const findings: Finding[] = [];
  const given = new Set<string>();
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      findings.push(spread(name, attribute, `逐个写出属性，如 ${Object.keys(props)[0]}=…；<${name}> 可用的属性：${propList}`));
      continue;
    }
    given.add(attribute.name);
    const prop = props[attribute.name];
    if (!prop) {
      findings.push({ ...at(attribute), message: `组件 <${name}> 没有属性 ${attribute.name}`, hint: `删除它或改正拼写；<${name}> 可用的属性：${propList}` });
      continue;
    }
    const literalProp = literalValue(attribute);
    const kind = KIND[prop.kind];
    if (!literalProp) findings.push(notLiteral(`组件 <${name}> 的属性 ${attribute.name}`, attribute, kind.example(attribute.name)));
    else if (!kind.ok(literalProp.value)) {
      findings.push({ ...at(attribute), message: `组件 <${name}> 的属性 ${attribute.name} 应填${kind.name}`, hint: `写成 ${kind.example(attribute.name)}` });
    } else if (hasInvisible(JSON.stringify(literalProp.value))) {
      // A prop's text reaches the page (a sector's name, a table's caption) like body text.
      findings.push({ ...at(attribute), message: `组件 <${name}> 的属性 ${attribute.name} 含有看不见的字符${invisibleNames(JSON.stringify(literalProp.value))}`, hint: INVISIBLE_HINT });
    }
  }
  for (const [prop, def] of Object.entries(props)) {
    if (def.required && !given.has(prop)) {
      findings.push({ ...at(node), message: `组件 <${name}> 缺少属性 ${prop}`, hint: `加上 ${KIND[def.kind].example(prop)}` });
    }
  }
  return findings;
}

/** Attributes of HTML written in MDX, as the hast properties the sanitiser judges. */
function htmlProperties(node: Jsx, findings: Finding[]): Element['properties'] {
  const properties: Element['properties'] = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      findings.push(spread(node.name!, attribute, '逐个写出属性，如 title="…"'));
      continue;
    }
    const literalProp = literalValue(attribute);
    if (!literalProp) {
      findings.push(notLiteral(`标签 <${node.name}> 的属性 ${attribute.name}`, attribute, `${attribute.name}="文字"`));
      continue;
    }
    const value = literalProp.value;
    properties[find(html, attribute.name).property] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
  return properties;
}

function spread(name: string, attribute: MdxJsxExpressionAttribute, hint: string): Finding {
  return { ...at(attribute as MdxJsxExpressionAttribute & { position?: Element['position'] }), message: `<${name}> 中的 {${attribute.value}} 是程序代码，不允许使用`, hint };
}

function notLiteral(what: string, attribute: MdxJsxAttribute, example: string): Finding {
  const code = typeof attribute.value === 'object' && attribute.value ? attribute.value.value : '';
  return {
    ...at(attribute as MdxJsxAttribute & { position?: Element['position'] }),
    message: `${what} 的值 {${code}} 是程序代码，不是直接写出的数字或文字`,
    hint: `花括号里只能写一个数字、一段带引号的文字、true/false，或由它们组成的列表；写成 ${example}`,
  };
}

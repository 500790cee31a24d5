/** Nesting depth of a parsed value, computed without recursion so a hostile value cannot blow the stack. */
export function exceedsDepth(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    if (depth > maxDepth) {
      return true;
    }
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) {
        stack.push([child, depth + 1]);
      }
    }
  }
  return false;
}

/**
 * Deepest nesting of flow brackets (`[`, `{`) in raw text, outside quoted strings and comments. Checked before
 * parsing: the YAML parser's own memory use on deeply nested flow collections is not bounded.
 */
export function flowNestingExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\' && quote === '"') {
        index++;
      } else if (char === quote || char === '\n') {
        quote = undefined;
      }
      continue;
    }
    switch (char) {
      case '"':
      case "'":
        quote = char;
        break;
      case '#':
        index = text.indexOf('\n', index);
        if (index < 0) {
          return false;
        }
        break;
      case '[':
      case '{':
        if (++depth > maxDepth) {
          return true;
        }
        break;
      case ']':
      case '}':
        depth = Math.max(0, depth - 1);
        break;
      default:
        break;
    }
  }
  return false;
}

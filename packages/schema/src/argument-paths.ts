import { type ASTNode, Kind, type ValueNode, visit } from "graphql";

/**
 * Calls `each` for every argument value in `node`, every input field value inside one and
 * every list item, with the dotted path that names it (`where`, `where.id`, `where.id.in`; a
 * list item has its list's path). Errors name arguments by these paths.
 */
export function forEachArgumentValue(node: ASTNode, each: (path: string, value: ValueNode) => void): void {
  const path: string[] = [];
  const enter = (name: string, value: ValueNode) => {
    path.push(name);
    each(path.join("."), value);
    if (value.kind === Kind.LIST) for (const item of value.values) each(path.join("."), item);
  };
  const leave = () => {
    path.pop();
  };
  visit(node, {
    Argument: { enter: (arg) => enter(arg.name.value, arg.value), leave },
    ObjectField: { enter: (field) => enter(field.name.value, field.value), leave },
  });
}

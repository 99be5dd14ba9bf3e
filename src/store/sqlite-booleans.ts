/**
 * SQLite has no boolean type: better-sqlite3 refuses to bind `true`/`false` and boolean columns
 * come back as 0/1. This plugin, installed on SQLite only, binds booleans as 1/0 and turns the
 * boolean columns of the schema back into booleans, so the stores read and write booleans on
 * both dialects (PostgreSQL has them natively).
 */
import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';
import type { Database } from './schema.js';

type BooleanColumn = {
  [T in keyof Database]: {
    [C in keyof Database[T]]: Database[T][C] extends boolean ? C : never;
  }[keyof Database[T]];
}[keyof Database];

// Every boolean column of the schema, by name: a Record, so the compiler says when one is missing.
// No other column (nor alias) may use these names.
const BOOLEAN_COLUMNS: Record<BooleanColumn, true> = { verified: true, national: true, demo: true };
const BOOLEAN_NAMES = Object.keys(BOOLEAN_COLUMNS);

const bindable = (value: unknown): unknown =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value;

class BindBooleans extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = bindable(node.value);
    return value === node.value ? node : { ...node, value };
  }

  protected override transformPrimitiveValueList(
    node: PrimitiveValueListNode,
  ): PrimitiveValueListNode {
    return node.values.some((value) => typeof value === 'boolean')
      ? { ...node, values: node.values.map(bindable) }
      : node;
  }
}

export class SqliteBooleans implements KyselyPlugin {
  private readonly transformer = new BindBooleans();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const name of BOOLEAN_NAMES) {
        const value = row[name];
        if (value === 0 || value === 1) row[name] = value === 1;
      }
    }
    return args.result;
  }
}

import type { SqlRunner } from "../sql-executor.ts";

// Prisma's bookkeeping is not part of the schema either side describes.
const IGNORED_TABLE = "_prisma_migrations";

const COLUMNS = `
  SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name
    || coalesce('(' || character_maximum_length || ')', '')
    || CASE WHEN udt_name = 'numeric' THEN '(' || numeric_precision || ',' || numeric_scale || ')' ELSE '' END
    || CASE WHEN udt_name LIKE 'timestamp%' THEN '(' || datetime_precision || ')' ELSE '' END
    || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE ' null' END
    || coalesce(' default ' || column_default, '') AS line
  FROM information_schema.columns
  WHERE table_schema = 'public' AND table_name <> $1`;

const INDEXES = `
  SELECT 'index ' || tablename || '.' || indexname || ': ' || indexdef AS line
  FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1`;

const CONSTRAINTS = `
  SELECT 'constraint ' || rel.relname || '.' || con.conname || ': ' || pg_get_constraintdef(con.oid) AS line
  FROM pg_constraint con
  JOIN pg_class rel ON rel.oid = con.conrelid
  JOIN pg_namespace ns ON ns.oid = rel.relnamespace
  WHERE ns.nspname = 'public' AND rel.relname <> $1 AND con.contype IN ('p', 'u', 'f', 'c')`;

const TABLES = `
  SELECT 'table ' || table_name AS line FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1`;

/**
 * The database's schema as sorted lines, one per table, column (type,
 * nullability, default), index and constraint (primary, unique, foreign key,
 * check), so two databases can be compared line by line. Triggers and
 * functions are left out on purpose: schema.prisma cannot describe them.
 *
 * @example
 * await describeSchema(db.sql); // ["column books.author varchar(200) not null", ...]
 */
export async function describeSchema(sql: SqlRunner): Promise<string[]> {
  const parts = await Promise.all(
    [TABLES, COLUMNS, INDEXES, CONSTRAINTS].map((query) =>
      sql.query<{ line: string }>(query, [IGNORED_TABLE]),
    ),
  );
  return parts
    .flat()
    .map((row) => row.line)
    .sort();
}

/**
 * Lines present on one side only.
 *
 * @example
 * const difference: SchemaDifference = { onlyInLeft: [], onlyInRight: ["table b"] };
 */
export interface SchemaDifference {
  readonly onlyInLeft: string[];
  readonly onlyInRight: string[];
}

/**
 * What differs between two descriptions from describeSchema.
 *
 * @example
 * compareSchemas(["table a"], ["table a", "table b"]); // { onlyInLeft: [], onlyInRight: ["table b"] }
 */
export function compareSchemas(left: readonly string[], right: readonly string[]): SchemaDifference {
  const leftSet = new Set(left);
  const rightSet = new Set(right);
  return {
    onlyInLeft: left.filter((line) => !rightSet.has(line)),
    onlyInRight: right.filter((line) => !leftSet.has(line)),
  };
}

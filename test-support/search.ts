/**
 * The reference answer of full-text search tests: the ids of the products matching `text`, best
 * first then by id, as PostgreSQL ranks them with the SQL written out by hand (the same
 * configuration and column the registry describes), for comparing with what an API answers.
 *
 * @example
 * expect(ids(page)).toEqual(await rankedProducts(db.sql, "widget"));
 */
export async function rankedProducts(
  sql: { query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> },
  text: string,
): Promise<number[]> {
  const rows = await sql.query<{ id: number }>(
    `SELECT id FROM products, websearch_to_tsquery('english', $1) AS q
     WHERE search @@ q ORDER BY ts_rank(search, q) DESC, id`,
    [text],
  );
  return rows.map((row) => row.id);
}

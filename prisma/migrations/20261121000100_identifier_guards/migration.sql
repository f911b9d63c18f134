-- Identifier columns never change: the APIs refuse it, and the database
-- refuses it too so no other client can break the URIs resources are known by.
-- The error's SQLSTATE (TK001) and message prefix are what the data layer
-- translates into an API error (packages/db/src/errors.ts).

-- CreateFunction
CREATE OR REPLACE FUNCTION "tusk_forbid_identifier_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF to_jsonb(NEW) -> TG_ARGV[0] IS DISTINCT FROM to_jsonb(OLD) -> TG_ARGV[0] THEN
    RAISE EXCEPTION 'identifier column %.% cannot be updated', TG_TABLE_NAME, TG_ARGV[0]
      USING ERRCODE = 'TK001', COLUMN = TG_ARGV[0], TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "users_identifier_guard" BEFORE UPDATE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "tusk_forbid_identifier_update"('username');

-- CreateTrigger
CREATE TRIGGER "categories_identifier_guard" BEFORE UPDATE ON "categories"
  FOR EACH ROW EXECUTE FUNCTION "tusk_forbid_identifier_update"('id');

-- CreateTrigger
CREATE TRIGGER "products_identifier_guard" BEFORE UPDATE ON "products"
  FOR EACH ROW EXECUTE FUNCTION "tusk_forbid_identifier_update"('id');

-- CreateTrigger
CREATE TRIGGER "orders_identifier_guard" BEFORE UPDATE ON "orders"
  FOR EACH ROW EXECUTE FUNCTION "tusk_forbid_identifier_update"('id');

-- CreateTrigger
CREATE TRIGGER "line_items_identifier_guard" BEFORE UPDATE ON "line_items"
  FOR EACH ROW EXECUTE FUNCTION "tusk_forbid_identifier_update"('id');

-- CreateTrigger
CREATE TRIGGER "books_identifier_guard" BEFORE UPDATE ON "books"
  FOR EACH ROW EXECUTE FUNCTION "tusk_forbid_identifier_update"('isbn');

-- CreateTrigger
CREATE TRIGGER "vehicles_identifier_guard" BEFORE UPDATE ON "vehicles"
  FOR EACH ROW EXECUTE FUNCTION "tusk_forbid_identifier_update"('vin');

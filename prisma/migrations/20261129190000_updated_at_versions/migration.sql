-- `updated_at` is each row's version: the APIs compare it in the same UPDATE or DELETE that
-- writes (REST If-Match, the GraphQL expected version), so of two writers holding the same
-- version only the first succeeds. For that it must change on every update and never repeat;
-- the application's clock has millisecond resolution and another instance's may run behind,
-- so the database moves it forward by at least a millisecond whenever a row is updated.

-- CreateFunction
CREATE OR REPLACE FUNCTION "tusk_advance_updated_at"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := GREATEST(NEW.updated_at, OLD.updated_at + interval '1 millisecond');
  RETURN NEW;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "users_updated_at_advances" BEFORE UPDATE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "tusk_advance_updated_at"();

-- CreateTrigger
CREATE TRIGGER "categories_updated_at_advances" BEFORE UPDATE ON "categories"
  FOR EACH ROW EXECUTE FUNCTION "tusk_advance_updated_at"();

-- CreateTrigger
CREATE TRIGGER "products_updated_at_advances" BEFORE UPDATE ON "products"
  FOR EACH ROW EXECUTE FUNCTION "tusk_advance_updated_at"();

-- CreateTrigger
CREATE TRIGGER "orders_updated_at_advances" BEFORE UPDATE ON "orders"
  FOR EACH ROW EXECUTE FUNCTION "tusk_advance_updated_at"();

-- CreateTrigger
CREATE TRIGGER "line_items_updated_at_advances" BEFORE UPDATE ON "line_items"
  FOR EACH ROW EXECUTE FUNCTION "tusk_advance_updated_at"();

-- CreateTrigger
CREATE TRIGGER "books_updated_at_advances" BEFORE UPDATE ON "books"
  FOR EACH ROW EXECUTE FUNCTION "tusk_advance_updated_at"();

-- CreateTrigger
CREATE TRIGGER "vehicles_updated_at_advances" BEFORE UPDATE ON "vehicles"
  FOR EACH ROW EXECUTE FUNCTION "tusk_advance_updated_at"();

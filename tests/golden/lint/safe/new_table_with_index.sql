-- safe: a new table, its index and foreign key in one file (nothing else can see it yet)
BEGIN;
CREATE TABLE app.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now(),
    body text
);
CREATE INDEX invoices_order_idx ON app.invoices (order_id);
ALTER TABLE app.invoices ADD CONSTRAINT invoices_order_fkey FOREIGN KEY (order_id) REFERENCES app.orders (id);
COMMIT;

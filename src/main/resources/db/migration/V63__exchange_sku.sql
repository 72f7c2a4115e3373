-- The variant a buyer wants instead of the one bought (another size or colour): an exchange ships
-- it; a replacement (no variant named) ships the SKU that was bought.
alter table case_item add column exchange_sku varchar(100);

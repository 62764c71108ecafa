insert into load_row (instrument_id, quantity, price, placed_at) values ('P000001-2025', 1, 50.00, now());

-- An order's average price is read from its trades (GET /orders, and each answer about an order with a fill).
create index trade_buy_order on trade (buy_order_id);
create index trade_sell_order on trade (sell_order_id);

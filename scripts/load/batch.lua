-- BATCH limit buy orders per request (default 100) to POST /orders/batch, each at a random price below
-- the asks, asking for the minimal answer (each order's id and state). Each rests in the book, or with
-- TIF=IOC is cancelled at once and leaves the book as it was. TOKEN, INSTRUMENT and BATCH come from the
-- environment (scripts/load/trading-load.sh).
local token = os.getenv("TOKEN")
local instrument = os.getenv("INSTRUMENT")
local size = tonumber(os.getenv("BATCH") or "100")
-- without TIF the orders name none (GTC), as the batches measured before TIF existed
local tif = os.getenv("TIF")
if tif == "" then tif = nil end
local field = tif and string.format('"timeInForce":"%s",', tif) or ""
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Prefer"] = "return=minimal"

-- keys.lua, beside this script, wherever wrk is started from
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local keys = require("keys")
setup = keys.setup

request = function()
  keys.fresh()
  local orders = {}
  for i = 1, size do
    orders[i] = string.format('{"instrumentId":"%s","side":"BUY",%s"quantity":1,"limitPrice":%d.%02d}',
      instrument, field, math.random(10, 79), math.random(0, 99))
  end
  return wrk.format(nil, nil, nil, '{"orders":[' .. table.concat(orders, ",") .. ']}')
end

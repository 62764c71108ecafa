-- One limit buy order per request, at a random price below the asks, so that it rests in the book (or,
-- with TIF=IOC, is cancelled at once and leaves the book as it was). TOKEN and INSTRUMENT come from the
-- environment (scripts/load/trading-load.sh).
local token = os.getenv("TOKEN")
local instrument = os.getenv("INSTRUMENT")
local tif = os.getenv("TIF") or "GTC"
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"

-- keys.lua, beside this script, wherever wrk is started from
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local keys = require("keys")
setup = keys.setup

request = function()
  keys.fresh()
  local body = string.format('{"instrumentId":"%s","side":"BUY","timeInForce":"%s","quantity":1,"limitPrice":%d.%02d}',
    instrument, tif, math.random(10, 79), math.random(0, 99))
  return wrk.format(nil, nil, nil, body)
end

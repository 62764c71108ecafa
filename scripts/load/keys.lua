-- A fresh Idempotency-Key per request for the wrk scripts beside it: every order is a new command, and
-- the exchange refuses orders without a key (428). Keys are unique across wrk's threads and runs
-- (KEY_PREFIX is set per run by trading-load.sh).
local keys = {}
local prefix = os.getenv("KEY_PREFIX") or tostring(os.time())
local sent = 0
local threads = 0

-- wrk calls setup once per thread, in its own Lua state, before the thread starts
function keys.setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function keys.fresh()
  sent = sent + 1
  wrk.headers["Idempotency-Key"] = string.format("%s-%d-%d", prefix, thread_number or 0, sent)
end

return keys

-- cairn.trust: which scripts `cairn run` sandboxes (cairn.sandbox says what a sandbox allows).
--
-- A script runs sandboxed when:
--   * `cairn run --sandbox FILE`, or
--   * the workspace setting scripts.sandbox is "all-untrusted" and FILE is not listed in the
--     setting scripts.trusted: entries separated by spaces, commas or new lines, each a path
--     (as given on the command line, or absolute) or the SHA-256 of the file's contents (64 hex
--     digits; a hash keeps trusting the file only while it is unchanged).
-- A sandboxed script writes to the workspace only when granted: `--allow-writes` or the setting
-- scripts.allow_writes = "yes".
-- District data files written in Lua (cairn/survey/scales.lua on the search path) always run
-- sandboxed, with the limits of answers files, unless scripts.trusted lists them
-- (trust.load_data_file); cairn's own copies are trusted.
local host = require "cairn.host"

local trust = {}

-- ---- SHA-256 (FIPS 180-4), for trusting a file by its contents --------------------------

local K = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

local M32 = 0xffffffff
local function rotr(x, n) return ((x >> n) | (x << (32 - n))) & M32 end

-- The SHA-256 of S as 64 lowercase hex digits.
function trust.sha256(s)
  local h = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 }
  local len = #s
  s = s .. "\128" .. string.rep("\0", (55 - len) % 64) .. string.pack(">I8", len * 8)
  local w = {}
  for chunk = 1, #s, 64 do
    for i = 0, 15 do w[i] = string.unpack(">I4", s, chunk + i * 4) end
    for i = 16, 63 do
      local a, b = w[i - 15], w[i - 2]
      local s0 = rotr(a, 7) ~ rotr(a, 18) ~ (a >> 3)
      local s1 = rotr(b, 17) ~ rotr(b, 19) ~ (b >> 10)
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) & M32
    end
    local a, b, c, d, e, f, g, hh = table.unpack(h)
    for i = 0, 63 do
      local S1 = rotr(e, 6) ~ rotr(e, 11) ~ rotr(e, 25)
      local ch = (e & f) ~ (~e & g)
      local t1 = (hh + S1 + ch + K[i + 1] + w[i]) & M32
      local S0 = rotr(a, 2) ~ rotr(a, 13) ~ rotr(a, 22)
      local maj = (a & b) ~ (a & c) ~ (b & c)
      local t2 = (S0 + maj) & M32
      hh, g, f, e, d, c, b, a = g, f, e, (d + t1) & M32, c, b, a, (t1 + t2) & M32
    end
    local v = { a, b, c, d, e, f, g, hh }
    for i = 1, 8 do h[i] = (h[i] + v[i]) & M32 end
  end
  return string.format(string.rep("%08x", 8), table.unpack(h))
end

-- ---- the decision -----------------------------------------------------------------------

local function absolute(path)
  if path:sub(1, 1) == "/" then return path end
  local pwd = os.getenv("PWD")
  return pwd and (pwd .. "/" .. path:gsub("^%./", "")) or path
end

-- The workspace's script settings, or {} when there is no workspace file.
local function settings()
  local ws = require "cairn.workspace"
  if host.file_kind(ws.path()) ~= "file" then return {} end
  return {
    mode = ws.setting("scripts.sandbox"),
    trusted = ws.setting("scripts.trusted", ""),
    allow_writes = ws.setting("scripts.allow_writes"),
    instructions = ws.setting("scripts.instructions"),
    memory_mb = ws.setting("scripts.memory_mb"),
  }
end

-- Is FILE (with contents SRC) listed in TRUSTED?
function trust.listed(trusted, file, src)
  local hash, abs = nil, absolute(file)
  for entry in tostring(trusted or ""):gmatch("[^%s,]+") do
    if entry:match("^%x+$") and #entry == 64 then
      hash = hash or trust.sha256(src)
      if entry:lower() == hash then return true end
    elseif entry == file or absolute(entry) == abs then
      return true
    end
  end
  return false
end

-- Should `cairn run FILE` sandbox it, and may it write? OPTS: sandbox, allow_writes (flags).
-- Returns sandboxed (boolean), writes (boolean), limits (for cairn.sandbox.run).
function trust.decide(file, src, opts)
  local s = settings()
  local sandboxed = opts.sandbox
  if not sandboxed and s.mode ~= nil and s.mode ~= "" and s.mode ~= "off" then
    if s.mode ~= "all-untrusted" then
      error(string.format("the setting scripts.sandbox is '%s' (expected all-untrusted or off)", s.mode), 0)
    end
    sandboxed = file == "-" or not trust.listed(s.trusted, file, src)
  end
  local writes = opts.allow_writes or s.allow_writes == "yes"
  local limits = require("cairn.util").copy(require("cairn.sandbox").limits)
  local function setting_number(key, v)
    local n = v ~= nil and math.tointeger(tonumber(v))
    if v ~= nil and (not n or n < 1) then
      error(string.format("the setting scripts.%s is '%s' (expected a positive whole number)", key, v), 0)
    end
    return n
  end
  limits.instructions = setting_number("instructions", s.instructions) or limits.instructions
  local mb = setting_number("memory_mb", s.memory_mb)
  if mb then limits.memory = mb << 20 end
  return sandboxed and true or false, writes and true or false, limits
end

-- The value a district data file written in Lua returns (PATH: e.g. the first
-- cairn/survey/scales.lua on the search path). Such a file is data that anyone may hand a
-- district, so it runs in the sandbox (cairn.sandbox: no io, no os beyond time and date, no
-- require beyond the allow list) under sandbox.data_limits, unless the setting scripts.trusted
-- lists it (by path or SHA-256) or it is one of cairn's own files: then it runs without the
-- limits, still with no globals at all. Raises a message naming the file.
function trust.load_data_file(path)
  local src, err = require("cairn.util").read_file(path)
  if not src then error(string.format("%s: cannot read the file (%s)", path, err), 0) end
  local builtin = host.datadir() .. "/lua/"
  if path:sub(1, #builtin) == builtin or trust.listed(settings().trusted, path, src) then
    local fn, lerr = load(src, "=" .. path, "t", {})
    if not fn then error(lerr, 0) end
    return fn()
  end
  local sandbox = require "cairn.sandbox"
  local res = table.pack(sandbox.run(src, { name = path, limits = sandbox.data_limits }))
  if not res[1] then error(res[2], 0) end
  return res[2]
end

return trust

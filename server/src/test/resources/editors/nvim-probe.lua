-- Neovim 0.7+ probe: starts `eyn lsp` with the built-in client, opens a script with a mistake and
-- writes the first diagnostic (or a failure) to the file named by EYN_PROBE_OUT, then quits.
-- EYN_JAR names the server jar; tests give EYN_JAVA and EYN_CLASSPATH instead to run the built classes.
local jar = os.getenv("EYN_JAR")
local java = os.getenv("EYN_JAVA") or "java"
local classpath = os.getenv("EYN_CLASSPATH")
local script = os.getenv("EYN_SCRIPT")
local out = os.getenv("EYN_PROBE_OUT")
local function finish(text)
  local f = io.open(out, "w")
  f:write(text)
  f:close()
  vim.cmd("qa!")
end
vim.cmd("edit " .. script)
local bufnr = vim.api.nvim_get_current_buf()
local start = vim.lsp.start_client or function(config) return vim.lsp.start(config) end
local client_id = start({
  name = "eyn",
  cmd = classpath and { java, "-cp", classpath, "eyn.server.Main", "lsp" } or { java, "-jar", jar, "lsp" },
  root_dir = vim.fn.fnamemodify(script, ":h"),
})
if not client_id then finish("FAIL: the client did not start") return end
vim.lsp.buf_attach_client(bufnr, client_id)
local ok = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 100)
if not ok then finish("FAIL: no diagnostics arrived") return end
local d = vim.diagnostic.get(bufnr)[1]
finish("OK " .. (d.lnum + 1) .. ":" .. (d.col + 1) .. " " .. d.message)

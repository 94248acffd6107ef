-- Headless Neovim (0.7: start_client + buf_attach_client) starts `planlint server`
-- on a plan and writes the diagnostics it received, one a line, to $PLANLINT_OUT.
local plan = os.getenv("PLANLINT_PLAN")
local dir = vim.fn.fnamemodify(plan, ":h")
local client_id = vim.lsp.start_client({
  name = "planlint",
  cmd = {os.getenv("PLANLINT_PYTHON"), "-m", "planlint", "server"},
  root_dir = dir,
  workspace_folders = {{uri = vim.uri_from_fname(dir), name = "plans"}},
})
vim.cmd("edit " .. vim.fn.fnameescape(plan))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local out = io.open(os.getenv("PLANLINT_OUT"), "w")
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  out:write(string.format("%s:%d:%d: %s %s\n", d.source, d.lnum + 1, d.col + 1, code, d.message))
end
out:close()
vim.lsp.stop_client(client_id)
vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd("qa!")

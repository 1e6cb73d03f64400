-- Neovim: Charter's language server for this playbook (`charter lsp`). Neovim 0.9 or later
-- reads this file by itself when `exrc` is set; with an older one, `:luafile .nvim.lua`.
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "yaml" },
  callback = function(event)
    local config = { name = "charter", cmd = { "charter", "lsp" }, root_dir = vim.fn.getcwd() }
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      local id = vim.lsp.start_client(config)
      if id then vim.lsp.buf_attach_client(event.buf, id) end
    end
  end,
})

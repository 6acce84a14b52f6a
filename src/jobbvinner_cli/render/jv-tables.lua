--[[
jv's second pandoc filter (jobbvinner_cli.render.pandoc), run after jv-filter.lua, so it
sees checked image paths and numbered captions. It makes tables and images read well:

  * a pipe table whose column widths come from equal dashes ("|---|---|") gets widths by
    content, as jv's own tables do (report/tables.py); in Typst a table of plain cells
    gets auto columns, which Typst sizes by content itself;
  * Typst: a table cell that starts like a list item ("15. oktober", "1. samling", "- x")
    stays text, and a list in a cell keeps its nesting;
  * Typst: an image keeps its alternative text (pandoc's Typst writer drops it), for the
    tagged PDF;
  * HTML: each table sits in a box that scrolls sideways on a narrow screen.
]]

local stringify = pandoc.utils.stringify

local UNITS = { ["%"] = true, cm = true, mm = true, ["in"] = true, pt = true, em = true }

local function typst_string(text)
  return '"' .. text:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("[%z\1-\31]", " ") .. '"'
end

-- Typst: pandoc's writer escapes a paragraph starting "15. oktober" or "- x", but not a
-- table cell's text, which Typst would then read as a numbered or bulleted list item.
local function typst_escape_line_starts(inlines)
  local at_start = true
  for i, el in ipairs(inlines) do
    if at_start and el.t == "Str" then
      local next_el = inlines[i + 1]
      local before_space = next_el == nil or next_el.t == "Space" or next_el.t == "SoftBreak"
      local digits, mark = el.text:match("^(%d+)([.)])$")
      if digits and before_space then
        inlines[i] = pandoc.RawInline("typst", digits .. "\\" .. mark)
      elseif before_space and el.text:match("^[-+=/]$") then
        inlines[i] = pandoc.RawInline("typst", "\\" .. el.text)
      end
    end
    at_start = el.t == "LineBreak"
  end
  return inlines
end

local function typst_escape_cell(block)
  block.content = typst_escape_line_starts(block.content)
  return block
end

-- A pipe table with a row longer than a source line gets its column widths from the
-- dashes under its header, which authors write alike ("|---|---|"): equal columns, where
-- a number column overflows nothing and a text column is squeezed. Such equal widths are
-- set from the content instead, as jv's own tables are (report/tables.py): short columns
-- keep their longest line, text columns share the rest by how much they hold.
local PAGE, PAD, SHORT, MAX_NATURAL, MAX_MINIMUM = 90, 3, 24, 60, 18

local function content_widths(tbl)
  local n = #tbl.colspecs
  local natural, words, volume = {}, {}, {}
  for i = 1, n do
    natural[i], words[i], volume[i] = 1, 1, 1
  end
  local function measure(rows)
    for _, row in ipairs(rows) do
      for i, cell in ipairs(row.cells) do
        if i <= n and cell.col_span == 1 then
          local text = stringify(cell.contents)
          local length = utf8.len(text) or #text
          natural[i] = math.max(natural[i], math.min(MAX_NATURAL, length))
          volume[i] = volume[i] + length
          for word in text:gmatch("%S+") do
            words[i] = math.max(words[i], (utf8.len(word) or #word) + 2)
          end
        end
      end
    end
  end
  measure(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do
    measure(body.body)
  end
  local room, total = PAGE - PAD * n, 0
  for i = 1, n do
    total = total + natural[i]
  end
  local share = {}
  if total <= room then -- it fits: each column as wide as its longest line
    for i = 1, n do
      share[i] = math.max(natural[i], words[i])
    end
  else
    local sum = 0
    for i = 1, n do -- short columns keep their line, text columns start at their word
      share[i] = natural[i] <= SHORT and math.max(natural[i], words[i])
        or math.min(words[i], MAX_MINIMUM, natural[i])
      sum = sum + share[i]
    end
    if sum > room then -- even that does not fit: every column starts at its word
      sum = 0
      for i = 1, n do
        share[i] = math.min(words[i], MAX_MINIMUM, natural[i])
        sum = sum + share[i]
      end
    end
    for _ = 1, n do -- the rest by volume; each round caps a column or spends the rest
      local extra, open = room - sum, 0
      for i = 1, n do
        if share[i] < natural[i] then
          open = open + volume[i]
        end
      end
      if extra <= 0.5 or open == 0 then
        break
      end
      sum = 0
      for i = 1, n do
        if share[i] < natural[i] then
          share[i] = math.min(natural[i], share[i] + extra * volume[i] / open)
        end
        sum = sum + share[i]
      end
    end
  end
  local widths, whole = {}, 0
  for i = 1, n do
    whole = whole + share[i] + PAD
  end
  for i = 1, n do
    widths[i] = (share[i] + PAD) / whole
  end
  return widths
end

local function equal_widths(tbl)
  local first = tbl.colspecs[1] and tbl.colspecs[1][2]
  if first == nil or first == 0 or #tbl.colspecs < 2 then
    return false
  end
  for _, spec in ipairs(tbl.colspecs) do
    if spec[2] == nil or math.abs(spec[2] - first) > 1e-6 then
      return false
    end
  end
  return true
end

local function fit_columns(tbl)
  if equal_widths(tbl) then
    local widths = content_widths(tbl)
    if widths ~= nil then
      for i, spec in ipairs(tbl.colspecs) do
        tbl.colspecs[i] = { spec[1], widths[i] }
      end
    end
  end
  return tbl
end

-- Typst sizes auto columns by their content itself, shrinking only the columns wider than
-- their share, and hyphenates what still does not fit: for a table of plain cells (names,
-- dates, numbers, short text) that reads better than any fixed proportions. Tables with
-- lists or paragraphs in their cells keep the widths jv gave them.
local function plain_cells(tbl)
  local plain = true
  local function check(rows)
    for _, row in ipairs(rows) do
      for _, cell in ipairs(row.cells) do
        if #cell.contents > 1 or (cell.contents[1] and cell.contents[1].t ~= "Plain") then
          plain = false
        end
      end
    end
  end
  check(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do
    check(body.body)
  end
  return plain
end

local function typst_auto_columns(tbl)
  if plain_cells(tbl) then
    for i, spec in ipairs(tbl.colspecs) do
      tbl.colspecs[i] = { spec[1], nil }
    end
  end
  return tbl
end

-- Typst: pandoc writes a cell's list on the line of the cell's "[", so a nested item,
-- indented on its own line, is less indented than its parent and comes out flat. A list
-- at the top of a cell goes in a block, which starts on a line of its own.
local function typst_cell_lists(cell)
  for i, block in ipairs(cell.contents) do
    if block.t == "BulletList" or block.t == "OrderedList" then
      cell.contents[i] = pandoc.Div({ block })
    end
  end
end

local function typst_table_lists(tbl)
  local function rows(list)
    for _, row in ipairs(list) do
      for _, cell in ipairs(row.cells) do
        typst_cell_lists(cell)
      end
    end
  end
  rows(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do
    rows(body.head)
    rows(body.body)
  end
  rows(tbl.foot.rows)
  return tbl
end

-- Typst: pandoc's writer drops the alternative text (the image's description, or its
-- {alt="…"} in a figure); Typst's image() takes it. A size in a unit Typst has not
-- (px) is left to pandoc to convert, and the alternative text is then lost.
local function typst_image(img)
  local alt = stringify(img.caption)
  local width, height = img.attributes.width, img.attributes.height
  if alt == "" or height ~= nil then
    return nil
  end
  local size = ""
  if width ~= nil then
    local unit = width:match("^%d+%.?%d*(%a*%%?)$")
    if not UNITS[unit or ""] then
      return nil
    end
    size = ", width: " .. width
  end
  return pandoc.RawInline("typst", "#box(image(" .. typst_string(img.src) .. ", alt: "
    .. typst_string(alt) .. size .. "))")
end

-- HTML: a box that scrolls sideways on a narrow screen instead of the whole page; a
-- focusable, named region so it can be scrolled from the keyboard too.
local function html_table_box(tbl)
  local name = stringify(tbl.caption.long)
  local attrs = { { "role", "region" }, { "tabindex", "0" },
    { "aria-label", name ~= "" and name or "Tabell" } }
  return pandoc.Div({ tbl }, pandoc.Attr("", { "jv-tabell" }, attrs))
end

return {
  {
    Image = function(img)
      if FORMAT == "typst" then
        return typst_image(img)
      end
    end,
    Table = function(tbl)
      tbl = fit_columns(tbl)
      if FORMAT == "typst" then
        tbl = typst_auto_columns(tbl)
        tbl = tbl:walk({ Plain = typst_escape_cell, Para = typst_escape_cell })
        return typst_table_lists(tbl)
      end
      if FORMAT:match("^html") then
        return html_table_box(tbl)
      end
      return tbl
    end,
  },
}

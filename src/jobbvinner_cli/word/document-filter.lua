--[[
jv's pandoc filter for one document exported alone (jobbvinner_cli.word.render).
The Markdown was read with raw HTML/TeX and metadata blocks switched off, and its
images were copied into the build folder by jv first. This filter:

  * keeps only http, https, mailto and tel link targets (others become text);
  * reduces element attributes to custom-style (the guidance style, set by jv);
  * gives every table column widths that follow its content: a month column of
    the fremdriftsplan (a month name over cells of at most a few characters) is
    narrow, text columns share the rest by how much they hold;
  * for Typst, turns the guidance paragraphs into a quote the template styles.
]]

local stringify = pandoc.utils.stringify
local ALLOWED_SCHEMES = { http = true, https = true, mailto = true, tel = true }

local function safe_link_target(target)
  local compact = target:gsub("[%z\1-\32\127]", "")
  local colon = compact:find(":", 1, true)
  if not colon then
    return true
  end
  local before = compact:sub(1, colon - 1)
  if before:find("[/?#]") then
    return true
  end
  return ALLOWED_SCHEMES[before:lower()] == true
end

local function clean_attr(attr)
  if attr == nil then
    return
  end
  local kept = {}
  for key, value in pairs(attr.attributes) do
    if key == "custom-style" then
      kept[#kept + 1] = { key, value }
    end
  end
  attr.attributes = kept
end

local MONTHS = {}
for _, m in ipairs({ "januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
  "september", "oktober", "november", "desember" }) do
  MONTHS[m] = true
end

local function cell_text(cell)
  return stringify(cell.contents)
end

-- utf8 length, so "Måned" is five characters
local function ulen(s)
  return utf8.len(s) or #s
end

local function widths(tbl)
  local n = #tbl.colspecs
  local header, longest, total = {}, {}, {}
  for i = 1, n do
    header[i], longest[i], total[i] = "", 0, 0
  end
  for _, row in ipairs(tbl.head.rows) do
    for i, cell in ipairs(row.cells) do
      if i <= n then
        header[i] = cell_text(cell)
      end
    end
  end
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.body) do
      for i, cell in ipairs(row.cells) do
        if i <= n then
          local len = ulen(cell_text(cell))
          longest[i] = math.max(longest[i], len)
          total[i] = total[i] + len
        end
      end
    end
  end
  -- Pandoc makes tables 14 cm wide; a bold header character takes up to 0.21 cm, and
  -- the cell margins 0.3 cm
  local narrow, used, weights, weight_sum = {}, 0, {}, 0
  for i = 1, n do
    local h = header[i]
    if MONTHS[h:lower()] ~= nil or (longest[i] <= 3 and ulen(h) <= 9) then
      narrow[i] = (math.max(ulen(h), 2) * 0.21 + 0.5) / 14
      used = used + narrow[i]
    else
      -- longer text wants more room, but not in proportion: a long column still
      -- leaves its neighbours enough for their words
      weights[i] = math.sqrt(math.max(longest[i], ulen(h), 4) + total[i] / 4)
      weight_sum = weight_sum + weights[i]
    end
  end
  if weight_sum == 0 or used >= 0.9 then
    return nil
  end
  local out = {}
  for i = 1, n do
    out[i] = narrow[i] or (1 - used) * weights[i] / weight_sum
  end
  return out
end

-- Typst reads "15. oktober" or "1. samling" at the start of a cell as a numbered
-- list item; the number written as a Typst string stays text.
local function ordinal_as_text(block)
  local first = block.content[1]
  if first ~= nil and first.t == "Str" and first.text:match("^%d+[.)]$") then
    block.content[1] = pandoc.RawInline("typst", '#"' .. first.text .. '"')
    return block
  end
  return nil
end

return {
  {
    Link = function(link)
      clean_attr(link.attr)
      if not safe_link_target(link.target) then
        return link.content
      end
      return link
    end,
    Image = function(img)
      clean_attr(img.attr)
      return img
    end,
    Div = function(div)
      local style = div.attributes["custom-style"]
      clean_attr(div.attr)
      if FORMAT == "typst" then
        if style == "Veiledning" then
          return pandoc.BlockQuote(div.content)
        end
        return div.content
      end
      return div
    end,
    Span = function(span)
      clean_attr(span.attr)
      return span
    end,
    Table = function(tbl)
      clean_attr(tbl.attr)
      local w = widths(tbl)
      if w ~= nil then
        for i, spec in ipairs(tbl.colspecs) do
          tbl.colspecs[i] = { spec[1], w[i] }
        end
      end
      if FORMAT == "typst" then
        tbl = tbl:walk({
          SoftBreak = function() return pandoc.Space() end,
          Plain = ordinal_as_text,
          Para = ordinal_as_text,
        })
        -- the header row (the fremdriftsplan's) in bold, as in Word
        for _, row in ipairs(tbl.head.rows) do
          for _, cell in ipairs(row.cells) do
            cell.contents = cell.contents:walk({
              Plain = function(b) return pandoc.Plain({ pandoc.Strong(b.content) }) end,
            })
          end
        end
      end
      return tbl
    end,
  },
}

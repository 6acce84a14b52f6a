--[[
jv's pandoc filter (jobbvinner_cli.render.pandoc). The Markdown it sees was
read with raw HTML/TeX/attributes and metadata blocks switched off; this filter
is the second line of defence:

  * images must be relative paths inside the build folder (pandoc runs with
    the build folder as its working directory): no URL or scheme, no absolute
    path, no "..", and the file must exist. Problems are collected and
    reported in one error that the engine parses (JV-FILTER-ERROR … JV-END);
  * links keep only http, https, mailto and tel targets (and in-document or
    relative ones); other schemes (javascript:, file:, data: …) become text;
  * element attributes are reduced to width/height (checked) and
    custom-style, so nothing like onclick= or style= reaches HTML;
  * links to #anchors that exist nowhere in the report are reported;
  * image files must start like PNG, JPEG, GIF, WebP or SVG;
  * for DOCX and HTML it sets Norwegian quotes «…», numbers captions
    ("Tabell 1: …", "Figur 1: …"; Typst does this itself) and builds the title
    block from the jv-* metadata the engine passes with -M;
  * for Typst it unwraps divs and puts a page break before each chapter, and
    gives span/div ids anchors Typst can link to.
]]

local stringify = pandoc.utils.stringify

local problems = {}

local function problem(kind, src)
  problems[#problems + 1] = { kind = kind, src = src }
end

local function percent_decode(s)
  return (s:gsub("%%(%x%x)", function(h)
    return string.char(tonumber(h, 16))
  end))
end

local function has_parent_segment(s)
  for segment in s:gmatch("[^/]+") do
    if segment == ".." then
      return true
    end
  end
  return false
end

-- Image formats every output can show (Typst: PNG, JPEG, GIF, WebP, SVG).
local function known_image(head)
  return head:sub(1, 8) == "\137PNG\r\n\26\n"
    or head:sub(1, 3) == "\255\216\255"
    or head:sub(1, 4) == "GIF8"
    or (head:sub(1, 4) == "RIFF" and head:sub(9, 12) == "WEBP")
    or head:find("<svg", 1, true) ~= nil
end

-- Returns the path to use, or nil after recording a problem.
local function checked_image_path(src)
  if src == "" then
    problem("tom", src)
    return nil
  end
  local decoded = percent_decode(src)
  for _, s in ipairs({ src, decoded }) do
    if s:find(":", 1, true) then
      problem("url", src)
      return nil
    end
    if s:sub(1, 1) == "/" or s:find("\\", 1, true) or s:sub(1, 1) == "~" then
      problem("absolutt", src)
      return nil
    end
    if has_parent_segment(s) then
      problem("foreldermappe", src)
      return nil
    end
    if s:find("[%z\1-\31\127]") then
      problem("ugyldig", src)
      return nil
    end
  end
  if decoded:find("%", 1, true) then
    -- Encoded twice: a writer that decodes again could see something else.
    problem("ugyldig", src)
    return nil
  end
  local f = io.open(decoded, "rb")
  local head = f and f:read(512)
  if f then
    f:close()
  end
  if head == nil then
    problem("mangler", src)
    return nil
  end
  if not known_image(head) then
    problem("format", src)
    return nil
  end
  return decoded
end

local ALLOWED_SCHEMES = { http = true, https = true, mailto = true, tel = true }

local function safe_link_target(target)
  local compact = target:gsub("[%z\1-\32\127]", "")
  local colon = compact:find(":", 1, true)
  if not colon then
    return true
  end
  local before = compact:sub(1, colon - 1)
  if before:find("[/?#]") then
    return true -- the colon is in a path, query or fragment, not a scheme
  end
  return ALLOWED_SCHEMES[before:lower()] == true
end

local UNITS = { [""] = true, ["%"] = true, px = true, cm = true, mm = true, ["in"] = true,
  pt = true, em = true }

local function valid_dimension(v)
  local number, unit = v:match("^(%d+%.?%d*)(%a*%%?)$")
  return number ~= nil and UNITS[unit] == true
end

local function clean_attr(attr, allow_size)
  if attr == nil then
    return
  end
  local kept = {}
  for key, value in pairs(attr.attributes) do
    if key == "custom-style" then
      kept[#kept + 1] = { key, value }
    elseif allow_size and (key == "width" or key == "height") and valid_dimension(value) then
      kept[#kept + 1] = { key, value }
    end
  end
  attr.attributes = kept
end

local function clean(el)
  clean_attr(el.attr, false)
  return el
end

local function clean_table(tbl)
  clean_attr(tbl.attr, false)
  clean_attr(tbl.head.attr, false)
  clean_attr(tbl.foot.attr, false)
  for _, body in ipairs(tbl.bodies) do
    clean_attr(body.attr, false)
  end
  return tbl
end

-- Caption numbering for DOCX and HTML (Typst numbers its figures itself).
local counters = { Tabell = 0, Figur = 0 }

local function caption_prefix(kind)
  counters[kind] = counters[kind] + 1
  local number = tostring(counters[kind])
  if FORMAT == "docx" then
    -- A Word SEQ field (with this number as its result), so Word renumbers the captions
    -- when tables or figures are added, moved or deleted.
    local bold = "<w:rPr><w:b/><w:bCs/></w:rPr>"
    return { pandoc.RawInline("openxml", "<w:r>" .. bold .. '<w:t xml:space="preserve">'
      .. kind .. " </w:t></w:r>" .. '<w:fldSimple w:instr=" SEQ ' .. kind
      .. ' \\* ARABIC "><w:r>' .. bold .. "<w:t>" .. number .. "</w:t></w:r></w:fldSimple>"
      .. "<w:r>" .. bold .. "<w:t>:</w:t></w:r>"), pandoc.Space() }
  end
  return { pandoc.Strong({ pandoc.Str(kind), pandoc.Space(), pandoc.Str(number .. ":") }),
    pandoc.Space() }
end

local function number_caption(caption, kind)
  local blocks = caption.long
  if #blocks == 0 or stringify(blocks) == "" then
    return false
  end
  local first = blocks[1]
  if first.content == nil then
    return false
  end
  local prefix = caption_prefix(kind)
  local content = pandoc.Inlines(prefix)
  content:extend(first.content)
  first.content = content
  blocks[1] = first
  caption.long = blocks
  return true
end

local numbering = FORMAT == "docx" or FORMAT:match("^html") ~= nil

local function meta_text(meta, key)
  local value = meta[key]
  if value == nil then
    return ""
  end
  return stringify(value)
end

local function title_block(meta)
  local draft = meta_text(meta, "jv-draft") == "true"
  local lines = {}
  local function add(label, value)
    if value ~= "" then
      lines[#lines + 1] = { pandoc.Strong({ pandoc.Str(label .. ":") }), pandoc.Space(),
        pandoc.Str(value) }
    end
  end
  add("Region", meta_text(meta, "jv-region"))
  add("Periode", meta_text(meta, "jv-period"))
  add("Deltakende kommuner", meta_text(meta, "jv-municipalities"))
  add("Prosjektleder", meta_text(meta, "jv-project-leader"))
  local date = meta_text(meta, "jv-date")
  if date ~= "" then
    lines[#lines + 1] = { pandoc.Str(date) }
  end
  local inlines = pandoc.Inlines({})
  for i, line in ipairs(lines) do
    if i > 1 then
      inlines:insert(pandoc.LineBreak())
    end
    inlines:extend(line)
  end
  if #inlines > 0 then
    meta.date = pandoc.MetaInlines(inlines)
  end
  if draft then
    local sub = pandoc.Inlines({ pandoc.Span({ pandoc.Str("UTKAST") },
      pandoc.Attr("", { "jv-utkast" }, { { "custom-style", "Utkast" } })) })
    if meta.subtitle ~= nil and meta_text(meta, "subtitle") ~= "" then
      sub:insert(pandoc.LineBreak())
      sub:extend(pandoc.Inlines({ pandoc.Str(meta_text(meta, "subtitle")) }))
    end
    meta.subtitle = pandoc.MetaInlines(sub)
  end
  for _, key in ipairs({ "jv-draft", "jv-region", "jv-period", "jv-municipalities",
    "jv-project-leader", "jv-date" }) do
    meta[key] = nil
  end
  return meta
end

-- Typst: an anchor any element can carry, as a locatable metadata element.
local function typst_anchor(id)
  if id:match("^[%w%-_.:\128-\255]+$") then
    return "#metadata(none)<" .. id .. ">"
  end
  return nil
end

-- Typst: unwrap divs (pandoc writes them as #block[…], inside which a chapter
-- cannot start a new page), keeping their id as an anchor, and put a weak page
-- break before every chapter heading.
local function typst_blocks(blocks)
  local out = pandoc.Blocks({})
  for _, block in ipairs(blocks) do
    if block.t == "Div" then
      local anchor = typst_anchor(block.identifier)
      if anchor then
        out:insert(pandoc.RawBlock("typst", anchor))
      end
      out:extend(typst_blocks(block.content))
    else
      if block.t == "Header" and block.level == 1 then
        out:insert(pandoc.RawBlock("typst", "#pagebreak(weak: true)"))
      end
      out:insert(block)
    end
  end
  return out
end

-- Typst: pandoc writes a span's id as a bare label, which attaches to nothing
-- at the start of a paragraph; use an anchor element instead.
local function typst_span(span)
  local anchor = span.identifier ~= "" and typst_anchor(span.identifier) or nil
  if FORMAT ~= "typst" or anchor == nil then
    return span
  end
  span.identifier = ""
  local out = pandoc.Inlines({ pandoc.RawInline("typst", anchor) })
  out:insert(span)
  return out
end

return {
  {
    Pandoc = function(doc)
      -- Links to #anchors that nothing in the report carries: Typst refuses
      -- them, Word and browsers would show dead links.
      -- One walk collects both the identifiers and the links (in document order); the
      -- links are checked after it (a second whole-document walk cost pandoc time).
      local ids = {}
      local anchors = {}
      local function collect(el)
        if el.identifier ~= nil and el.identifier ~= "" then
          ids[el.identifier] = true
        end
      end
      doc:walk({ Header = collect, Div = collect, Span = collect, Table = collect,
        Figure = collect, CodeBlock = collect, Code = collect, Image = collect,
        Link = function(link)
          collect(link)
          local anchor = link.target:match("^#(.+)$")
          if anchor then
            anchors[#anchors + 1] = anchor
          end
        end })
      local seen = {}
      for _, anchor in ipairs(anchors) do
        if not ids[anchor] and not ids[percent_decode(anchor)] and not seen[anchor] then
          seen[anchor] = true
          problem("lenke", anchor)
        end
      end
    end,
  },
  {
    Image = function(img)
      clean_attr(img.attr, true)
      local path = checked_image_path(img.src)
      if path ~= nil then
        img.src = path
      end
      return img
    end,
    Link = function(link)
      clean_attr(link.attr, false)
      if not safe_link_target(link.target) then
        return pandoc.Span(link.content)
      end
      return link
    end,
    -- A hard line break as the last thing in a footnote, cell or emphasis
    -- ("text\" at the end of a line) makes pandoc's Typst writer emit "\]",
    -- which escapes the closing bracket. It shows nothing anyway; drop it.
    -- Called for every list of inlines: returning nil when nothing changes spares pandoc
    -- turning the list back from Lua.
    Inlines = function(inlines)
      if #inlines == 0 or inlines[#inlines].t ~= "LineBreak" then
        return nil
      end
      while #inlines > 0 and inlines[#inlines].t == "LineBreak" do
        inlines:remove(#inlines)
      end
      return inlines
    end,
    Quoted = function(q)
      if not numbering then
        return nil -- Typst sets quotes for the document language itself
      end
      local open, close = "«", "»"
      if q.quotetype == "SingleQuote" then
        open, close = "‘", "’"
      end
      local out = pandoc.Inlines({ pandoc.Str(open) })
      out:extend(q.content)
      out:insert(pandoc.Str(close))
      return out
    end,
    Span = function(span)
      clean(span)
      return typst_span(span)
    end,
    Code = clean,
    Div = clean,
    Header = clean,
    CodeBlock = clean,
    Table = function(tbl)
      clean_table(tbl)
      if numbering then
        number_caption(tbl.caption, "Tabell")
      end
      -- Line breaks inside grid-table cells are only source wrapping; in Typst a wrapped
      -- first list item in a cell would otherwise split into two paragraphs.
      if FORMAT == "typst" then
        tbl = tbl:walk({ SoftBreak = function() return pandoc.Space() end })
      end
      return tbl
    end,
    Figure = function(fig)
      clean_attr(fig.attr, false)
      if numbering then
        number_caption(fig.caption, "Figur")
      end
      return fig
    end,
    Meta = function(meta)
      if numbering then
        return title_block(meta)
      end
      return meta
    end,
  },
  {
    Pandoc = function(doc)
      if FORMAT == "typst" then
        doc.blocks = typst_blocks(doc.blocks)
      end
      if #problems > 0 then
        error("JV-FILTER-ERROR" .. pandoc.json.encode(problems) .. "JV-END", 0)
      end
      return doc
    end,
  },
}

-- Collaborative Attributes: Commitment List (002, Prepare: Commit to Collaborate).
--
-- Partners discuss the fifteen attributes together; each partner marks the statements they agree
-- with, and an attribute becomes a commitment only when every partner agrees. The attributes are
-- verbatim; words in [brackets] were lost in the printed source and are the clear reading.
local common = require "cairn.tools_common"

local attributes = {
  { "Awareness", "We each see ourselves and each other as necessary parts of a working system" },
  { "Motivation", "We have the drive to gain consensus when engaging in joint problem solving" },
  { "Participation", "We are equally committed to participating in a collaborative partnership" },
  { "Shared decision making", "We make working to[gether our] default and collaborate on as many "
    .. "important [decisions as] possible" },
  { "Professional discretion", "We respect the profes[sional …]tory of the people within our system and "
    .. "create space for role-appropriate, independent decision making" },
  { "Peer collaboration", "We support educators in working together for their students' success" },
  { "Social support", "We portray each other as valued partners to our peers" },
  { "Goal alignment", "We seek to align goals among stakeholders in our system by emphasizing our "
    .. "common purpose and shared priorities" },
  { "Authenticity", "We are honest with each other about our thoughts, feelings, and opinions" },
  { "Psychological safety", "We create an environment where all partners feel comfortable sharing "
    .. "thoughts and opinions, and where participants are not harshly judged for mistakes, voicing "
    .. "concerns, or holding unpopular viewpoints" },
  { "Mediation", "We are able to positively negotiate, compromise, and get to agreement" },
  { "Reciprocity", "We share information, and we expect sharing in return through reciprocity" },
  { "Reliability", "We are consistently reliable, and in return expect our partners to follow through" },
  { "Reflection", "We think through the possibilities, and are willing to consider alternatives" },
  { "Engagement", "We proactively engage, rather than wait and react" },
}

local choices = {}
for i, at in ipairs(attributes) do
  choices[i] = { value = at[1]:lower():gsub("%s+", "_"), label = at[1] .. " - " .. at[2] }
end

-- For each attribute: the partners who agree, in partner order.
local function agreement(a)
  local partners = a.partners or {}
  local rows = {}
  for i, ch in ipairs(choices) do
    local who = {}
    for _, p in ipairs(partners) do
      for _, code in ipairs(p.agrees or {}) do
        if code == ch.value then who[#who + 1] = p.name; break end
      end
    end
    rows[i] = { code = ch.value, attribute = attributes[i][1], statement = attributes[i][2],
                agreed_by = who, all = #partners > 0 and #who == #partners }
  end
  return rows, #partners
end

return {
  id = "collaborative_attributes_commitment",
  title = "Collaborative Attributes: Commitment List",
  source = "NEA, Collaborating for Student Success (draft, October 2019); adapted from indicators of "
    .. "a collaborative climate in McCarthy and Rubinstein (2017), aiim.org and blog.risebeyond.org",
  stage = "Prepare: Commit to Collaborate",
  framework = "NEA",
  kind = "checklist",
  summary = "Partners mark the collaborative attributes they agree to; those all partners agree "
    .. "to become the partnership's commitments.",
  instructions = {
    "This is a tool for collaborative groups to use together to discuss and agree upon "
      .. "collaborative attributes, ultimately providing a set of commitments as you begin your "
      .. "education [partnership].",
    "What promises are you and your partners comfortable [making to one] another in support of "
      .. "this new partnership? Discuss these attributes of collaborative partnerships with your "
      .. "partners, and place a checkmark next to the ones where you feel that both you and you[r "
      .. "partners agree] with the statements.",
    "Enter each partner (a person or a stakeholder group, such as the association/union) and the "
      .. "statements that partner agrees with. An attribute is a commitment when every partner "
      .. "agrees; the report lists those first, then the ones still to discuss.",
  },
  attributes = attributes,
  agreement = agreement,

  worksheet_title = function(a)
    return "Commitment list" .. (a.partnership and (": " .. a.partnership) or "")
  end,

  form = {
    { id = "partnership", type = "text", label = "Partnership",
      help = "e.g. \"Riverside Unified and Riverside Education Association\"" },
    { id = "date", type = "date", label = "Date discussed" },
    { kind = "group", id = "partners", label = "Partner", min = 2,
      help = "Each partner marks the statements they agree with.",
      form = {
        { id = "name", type = "text", label = "Partner", required = true,
          help = "a person or a stakeholder group" },
        { id = "agrees", type = "multichoice", label = "Agrees with", choices = choices },
      } },
  },

  check = function(a, c)
    common.check_unique(c, "partners", a.partners, "name", function(v, first)
      return string.format("'%s' is already partner %d; each partner once", v, first)
    end)
  end,

  report = function(w, doc)
    local a = w.answers
    local rows, npartners = agreement(a)
    local names = {}
    for _, p in ipairs(a.partners or {}) do names[#names + 1] = p.name end
    local committed, open = {}, {}
    for _, r in ipairs(rows) do
      if r.all then committed[#committed + 1] = r else open[#open + 1] = r end
    end
    local kv = {}
    if a.partnership then kv[#kv + 1] = { "Partnership", a.partnership } end
    if a.date then kv[#kv + 1] = { "Date discussed", a.date } end
    kv[#kv + 1] = { "Partners", table.concat(names, ", ") }
    kv[#kv + 1] = { "Commitments", string.format("%d of %d attributes agreed by all partners",
                                                  #committed, #rows) }
    doc:keyvalue(kv)

    local s = doc:section("Our commitments")
    if #committed == 0 then
      s:paragraph("No attribute is agreed by every partner yet.")
    else
      s:paragraph("Every partner agreed to these statements:")
      local items = {}
      for _, r in ipairs(committed) do items[#items + 1] = r.attribute .. " - " .. r.statement end
      s:list(items)
    end

    local o = doc:section("Not yet agreed by all partners")
    if #open == 0 then
      o:paragraph("None: every attribute is a commitment.")
    else
      local trows = {}
      for _, r in ipairs(open) do
        trows[#trows + 1] = { attribute = r.attribute,
          agreed = #r.agreed_by > 0 and table.concat(r.agreed_by, ", ") or "no one yet",
          count = string.format("%d of %d", #r.agreed_by, npartners) }
      end
      o:table { caption = "Attributes to discuss further",
        columns = { { id = "attribute", label = "Attribute" },
                    { id = "agreed", label = "Agreed so far by" },
                    { id = "count", label = "Partners", align = "right" } },
        rows = trows }
    end

    local m = doc:section("Agreement by partner")
    local cols = { { id = "attribute", label = "Attribute" } }
    for i, n in ipairs(names) do cols[#cols + 1] = { id = "p" .. i, label = n, align = "center" } end
    cols[#cols + 1] = { id = "all", label = "All agree", align = "center" }
    local mrows = {}
    for _, r in ipairs(rows) do
      local row = { attribute = r.attribute, all = r.all and "yes" or "" }
      local who = {}
      for _, n in ipairs(r.agreed_by) do who[n] = true end
      for i, n in ipairs(names) do row["p" .. i] = who[n] and "✓" or "" end
      mrows[#mrows + 1] = row
    end
    m:table { caption = "Which partners agree with each attribute", columns = cols, rows = mrows }
  end,
}

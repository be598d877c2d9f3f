-- Riverside's answer scales, read over cairn's own (lua/cairn/survey/scales.lua): one scale
-- added, riverside_readiness, which the district's five_whys asks. A district could also
-- replace a built-in scale by giving its name, or drop one with `name = false`.
return {
  riverside_readiness = {
    title = "Riverside readiness",
    levels = {
      { label = "Not ready", value = 1 },
      { label = "Getting ready", value = 2 },
      { label = "Ready", value = 3 },
      { label = "Already acting", value = 4 },
    },
    favorable = { 3, 4 },
  },
}

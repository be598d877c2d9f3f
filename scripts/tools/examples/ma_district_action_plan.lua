-- Massachusetts Planning for Success's two benchmark examples (Annual Action Plan Components),
-- as one strategic initiative of a District Action Plan: the process benchmark ("20 teachers will
-- complete an ESL course by June") and the early evidence of change benchmark (student use of
-- oral language observed in 80% of these ESL teachers' classrooms between October and May). The
-- guidebook names no initiative, person, year or resources: cairn places the benchmarks in the
-- 2025-26 school year, names the initiative from them, makes the district's ESL coordinator the
-- person responsible, and leaves the resources empty.
return {
  title = "Massachusetts benchmark examples",
  source = "Massachusetts DESE, Planning for Success, Annual Action Plan Components: "
    .. "Implementation Benchmarks",
  summary = "One initiative (ESL instruction) with the guidebook's two benchmarks: a process "
    .. "benchmark (20 teachers will complete an ESL course by June: what, who, when) and an early "
    .. "evidence of change benchmark (student use of oral language observed in 80% of these ESL "
    .. "teachers' classrooms between October and May, from classroom observation). (The guidebook "
    .. "gives no year, initiative or person: cairn uses 2025-26 and the ESL coordinator.)",
  people = { "ESL Coordinator" },
  answers = {
    year = "2025-26",
    initiatives = {
      { initiative = "Strengthen ESL instruction for English learners",
        benchmarks = {
          { type = "process", benchmark = "20 teachers will complete an ESL course by June.",
            who = "ESL Coordinator", when = "2026-06-30" },
          { type = "early_evidence",
            benchmark = "An increase in student use of oral language is observed in these ESL "
              .. "teachers' classrooms.",
            source = "Classroom observation", target = 80, unit = "% of classrooms",
            from = "2025-10-01", when = "2026-05-31" },
        } },
    },
  },
}

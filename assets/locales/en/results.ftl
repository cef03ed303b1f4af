# Results in the terminal: a run's totals and the judged decisions (`csm-sim play`, `run`).

portfolio-word = portfolio
totals-arr = Start ARR { $start } → end ARR { $end } over { $quarters ->
    [one] { $quarters } quarter
   *[other] { $quarters } quarters
}
totals-rates = GRR { $grr }   NRR { $nrr }   churned { $churned } ({ $lost ->
    [one] { $lost } customer
   *[other] { $lost } customers
} of { $customers })   contraction { $contraction }   expansion { $expansion }   new { $new }
totals-outlook = Renewal outlook: the cohort's { $pending } of ARR is expected to keep { $expected } at its next renewals, as things stand; NRR with the outlook { $nrr }
totals-no-value = none reached value yet
totals-ttv = { $quarters } quarters ({ $customers } customers)
totals-ltv = LTV { $ltv }   mean time to value { $ttv }
totals-target = Target: { $name } { $target } — actual { $actual } — { $met ->
    [yes] MET
   *[no] MISSED
}
judged-well = What you did well
judged-differently = What to do differently
judged-more = {" "}and { $count } more

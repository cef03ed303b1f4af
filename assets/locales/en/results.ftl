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

## A scenario's targets.

target-nrr = NRR at least
target-grr = GRR at least
target-churned = churned customers at most
target-plans-in-time = new customers with a success plan (5+ elements) in time
target-expansion = expansion ARR at least (share of starting ARR)
target-advocacy = customers who gave advocacy at least
target-time-to-value = mean time to value at most (quarters)

## Exam readiness and the coach.

mastery-none = not yet shown
mastery = { $percent } % (from { $judged ->
    [one] { $judged } judgement
   *[other] { $judged } judgements
} and { $answered ->
    [one] { $answered } answer
   *[other] { $answered } answers
})
list-and = { $first } and { $last }
coached-all = The coach was on in { $quarters ->
    [1] the one quarter
    [2] both quarters
   *[other] all { $quarters } quarters
}: it pointed at what deserved attention, so these results had help.
coached-some = The coach was on in { $count ->
    [one] quarter
   *[other] quarters
} { $list } of { $quarters }: it pointed at what deserved attention then.

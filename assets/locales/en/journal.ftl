# The journal: what happened and why, in the window, the terminal and the debriefs.

event-barrier-appeared = a { $barrier } barrier began (severity { $severity } %){ $hidden ->
    [yes] , not yet visible to you
   *[no] {""}
} — { $objective }
event-barrier-discovered = { $barrier }: { $how } ({ $objective }, 3.3)
event-barrier-resolved-by = { $barrier } resolved by { $action } ({ $objective })
event-barrier-resolved = { $barrier } resolved by the vendor's engineering without CSM action ({ $objective })
event-stage = moved from { $from } to { $to } (1.3)
event-first-outcome = achieved its first business outcome: time to value { $quarters } quarters (2.10, 4.2.d)
event-outcome = achieved business outcome number { $number } (2.10)
event-outcome-corrected = the executive sponsor corrected the success plan: the outcome is not "{ $from }" but "{ $to }"; validated at the next review (2.3)
event-outcome-given = the executive sponsor gave the success plan its outcome: "{ $to }"; validated at the next review (2.3)
event-raci = the success plan's RACI now names the executive sponsor accountable and the champion responsible, the people in place (2.9)
event-use-cases-untargeted = the success plan's use cases: "{ $use_case }"; nothing comes first (2.8)
event-use-case = the success plan targets the use case "{ $use_case }" first (2.8)
event-action = { $action }: { $result }{ $objectives }
event-true-up = the enterprise agreement trued up its use beyond the entitlement: { $arr } more ARR (1.6.c, 1.8.b)
event-company-risk = { $risk } (severity { $severity } %) — a company risk ({ $objectives })
event-adoption-focused = the adoption plan is focused on "{ $outcome }", what the customer wants: its feature matrix turns on the features that outcome needs first and its time-to-value timeline aims at it (4.1.b, 4.1.c, 4.1.d)
event-adoption-misfocused = the adoption plan is focused on "{ $outcome }", which is not what the customer wants: it rolls out at half the pace, with no timeline to value (4.1.b)
event-adoption-unfocused = the adoption plan has no success focus (the success plan names no outcome yet): it rolls out at half the pace, with no timeline to value (4.1.b, 2.3)
event-expansion-planned = the success plan now holds the expansion opportunity, agreed with the sponsor: the next fitting proposal is one the customer has planned for (5.4)
event-gap-found = { $action } found { $gap } in the account's baseline: it slows deployment, holds use back and blocks outcomes until it is closed (2.5, { $objective })
event-gap-closed = { $action } closed { $gap } (2.5, { $objective })
event-request = asked for { $request }: it takes { $hours } of your hours this quarter unless handed to the team that answers it (1.4)
event-request-csm-right = you answered the sponsor's strategic request yourself: the CSM's own work, and the sponsor noticed (1.4, 4.3.a)
event-request-csm-wrong = you answered its request for { $request } yourself, in hours { $team } would have spared you (1.4)
event-request-right = { $team } answered its request for { $request } (1.4)
event-request-strategic-wrong = its sponsor asked to talk about the outcomes and was handed to { $team }: the sponsor cooled (1.4, 4.3.a)
event-request-wrong = its request for { $request } went to { $team }, who do not answer it; it comes back next quarter, bigger, and its people noticed (1.4)
event-champion-found = found a new champion through { $action } (2.2, 4.3.c)
event-health-right = you read the health decline right: { $driver } drove it; nothing hidden behind it came to light this time ({ $objective })
event-health-right-found = you read the health decline right: { $driver } drove it, and looking there found { $found } ({ $objective })
event-health-wrong = you read the health decline as { $said }, but the dashboard showed { $truth } driving it ({ $truth_objective }, { $objective })
event-health-flat = you read the health decline as { $said }, but no single driver stood out: the score fell a little everywhere (2.6)
event-campaign = { $action } for segment { $segment }: reached { $reached } customers, surfaced { $opportunities } expansion opportunities ({ $objectives })
event-contract = signed a new contract worth { $arr } ARR (1.3)
event-renewed = renewed at { $arr } ARR (renewal chance was { $chance } %){ $branch }{ $factors } (1.8.c, 5.5)
event-downsold = renewed smaller: { $from } → { $to } ARR (renewal chance was { $chance } %){ $branch }{ $factors } (1.8.a, 5.6)
event-churned = churned, losing { $arr } ARR (renewal chance was { $chance } %){ $branch }{ $factors } (1.8.a, 5.5)
branch-renewed = ; the unlikely branch came up: it renewed with only a { $chance } % chance
branch-lost = ; the unlikely branch came up: it had only a { $chance } % chance of not renewing in full

## The reasons behind a renewal.

factors-nothing-against = ; nothing stood against it
factors-against = ; against it: { $list }
factors-favour = ; in its favour: { $list }
factor-barrier = an unresolved { $barrier } ({ $objective })
factor-open-gap = a gap in the account's baseline left open (2.5)
factor-pushed = expansion pushed where it did not fit (5.2)
factor-no-sponsor = no executive sponsor (3.4.b)
factor-red = red health (2.6)
factor-no-renewal-work = no renewal risk analysis (5.5)
factor-late-renewal-work = renewal work started less than 90 days before the renewal (5.5)
factor-weak-finances = weak customer finances (2.6.d)
factor-no-champion = no champion inside the customer (2.2)
factor-licence = support on licences already paid for, capital spent (1.6.a, 1.6.d)
factor-low-utilisation = low licence utilisation (2.6.a)
factor-green = green health (2.6)
factor-early-renewal-work = renewal work started a quarter or more ahead (5.5)
factor-mitigation-plan = a risk mitigation plan (5.6)
factor-recent-qbr = a recent QBR (4.5)
factor-auto-renew = auto-renewal (1.6.b)
factor-outcomes = achieved business outcomes (2.10)
factor-transition-plan = an agreed transition plan (5.6)

## What an action did.

result-done = done
result-found = found { $barriers }
result-nothing-found = found no new barrier
result-progress = progress on the { $barrier } barrier, now { $percent } % of the way ({ $objective })
result-resolved = resolved the { $barrier } barrier ({ $objective })
result-no-effect = had no effect: the customer has no problem this responds to ({ $objectives })
result-misdirected = did not help: it answers a problem this customer does not have while another is open, and the customer noticed ({ $objectives })
result-superseded = was not needed in the end: the { $barrier } barrier was resolved earlier this quarter ({ $objective })
result-backfired = backfired: stakeholders' sentiment fell (the customer was not ready for it)
result-misrouted = went to a team that does not answer this kind of request: the customer was passed from desk to desk (1.4)
result-blocked = could not happen: { $reason }
result-expansion-won = the customer bought more: +{ $arr } ARR (1.8.b)
result-declined = the customer declined the proposal for now (5.2)

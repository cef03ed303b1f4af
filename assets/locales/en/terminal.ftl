# The terminal game, `csm-sim play`. Arguments are given as $name; numbers choose the plural
# form. Columns are padded by display width, so a translation may be longer or shorter.

percent = { $value } %
never = never
not-yet = not yet
not-started = not started
nothing = nothing
since-quarter = since Q{ $quarter }
band-red-loud = RED
or-between = {" "}or{" "}
did-you-mean = {" "}Did you mean { $list }?
col-id = id
col-name = name
col-renew = renew

## Starting, saving and leaving.

play-resumed = Resumed { $path } at quarter { $quarter } with { $actions ->
    [one] { $actions } action
   *[other] { $actions } actions
} replayed.
play-joined = Joined the class as "{ $name }" (seat { $seat }). Your game is saved in { $path } and synced with the class at each quarter's end.
play-stopped-saved = csm-sim: the game stopped ({ $error }); it was saved to { $path } first
play-stopped-unsaved = csm-sim: the game stopped ({ $error }) and could not be saved: { $save_error }
play-saved = Saved to { $path } (resume with `csm-sim play --resume { $resume }`).
play-save-failed = Could not save: { $error }. The previous save, if any, is kept. Try `save OTHER-FILE`.
play-leave-unsaved = csm-sim: the session could not be saved to { $path }; leaving with the work unsaved
play-study-unread = Answers will not go into your study record: { $error }
play-intro = { $quarters ->
    [one] { $quarters } quarter
   *[other] { $quarters } quarters
}, { $customers ->
    [one] { $customers } customer
   *[other] { $customers } customers
}, { $hours } CSM hours a quarter. Type `help` for commands.
play-objectives = Exam objectives practised: { $objectives }
play-over = The scenario is over.
play-debrief-written = Debrief written to { $html } (open it in a browser) and { $json }.
play-debrief-failed = Could not write the debrief: { $error }

## The quarter's status line and what waits.

play-status = — Quarter { $quarter } of { $quarters } — ARR { $arr }   ATR this quarter { $atr }   GRR { $grr }   NRR { $nrr }   hours left { $left } of { $capacity }
play-status-over = — All { $quarters } quarters played — ARR { $arr }   GRR { $grr }   NRR { $nrr }
play-requests-waiting = Inbound requests take { $hours } of your hours unless handed on: { $list }{ $more ->
    [yes] , …
   *[no] {""}
}. Hand each to the team that answers it (`hand CUSTOMER support|services|account-manager`) or keep it (1.4).
play-declines = Health fell last quarter at { $count ->
    [one] { $count } customer
   *[other] { $count } customers
}: { $list }{ $more ->
    [yes] , …
   *[no] {""}
}. What drives each decline? `show CUSTOMER`, then `read CUSTOMER usage|quality|sentiment|finances` (2.6).

## Commands and what they answer.

play-which-customer = Which customer? Give its id or name (see `portfolio`) or #number.
play-no-customer = No customer "{ $customer }". Give its id (see `portfolio`) or #number.
play-unknown-command = Unknown command "{ $command }".{ $suggestion } Type `help` for the list.
play-usage-do = Usage: do ACTION CUSTOMER|SEGMENT (see `actions` for ids)
play-usage-undo = Usage: undo N, where N is the number shown by `plan`
play-usage-coach = Usage: coach [on|off]
play-usage-portfolio = Usage: portfolio [risk|renewing|SEGMENT] [by health|arr|renewal]
play-usage-outcome = Usage: outcome CUSTOMER OUTCOME
play-usage-use-case = Usage: usecase CUSTOMER USE_CASE
play-usage-hand = Usage: hand CUSTOMER TEAM, where TEAM is support, services or account-manager: who answers the customer's inbound request (1.4)
play-usage-read = Usage: read CUSTOMER DRIVER, where DRIVER is usage, quality, sentiment or finances (2.6.a–d): what drove the customer's health score down last quarter
play-removed = Removed { $action }.
play-no-planned = There is no planned action { $number }.
play-not-in-class = This game is not played in a class.
play-held = The instructor holds the class at quarter { $quarter }: wait for the release (your plan is kept), then `end` again.
play-coach-class = The coach stays off in a class session: the class plays under exam conditions.
play-coach-on = The coach is on: it lists what deserves attention at each quarter's start, and the debrief will say it helped.
play-coach-off = The coach is off. `coach` still shows its list when asked, and a quarter in which it was shown counts as coached in the debrief.
play-coach-nothing = Coach: nothing is waiting that your plan does not already touch.
play-coach-heading = Coach — what deserves attention this quarter and is not in your plan yet:
play-coach-more = … and { $count ->
    [one] { $count } customer
   *[other] { $count } customers
} more: `coach` lists them all
play-outcomes = Business outcomes a success plan can aim at (2.3, 2.10):
play-no-outcome = No business outcome "{ $outcome }".
play-outcome-written = The success plan of { $customer } now aims at: { $outcome }, measured by { $kpi }. Building the plan keeps it; a review with the sponsor validates it or puts it right.
play-cannot-write = Cannot write it: { $reason }.
play-use-cases = Use cases a success plan can target first (2.8):
play-no-use-case = No use case "{ $use_case }".
play-use-case-written = The success plan of { $customer } now targets first: { $use_case }. Building the plan keeps it; once the champion has named the use case, a review of the plan puts it right.
play-no-team = No team "{ $team }".
play-handed = Planned: { $action } for { $customer } ({ $hours } h; it frees the { $freed } h the request would take). { $left } hours left.
play-cannot-hand = Cannot hand it on: { $reason }.
play-cannot-read = Cannot read it: { $reason }.
play-no-driver = No driver "{ $driver }".
play-read = You read the decline of { $customer } as { $driver } ({ $objective }){ $hours ->
    [0] , in place of your earlier reading
    [1] , { $hours } hour
   *[other] , { $hours } hours
}. It is checked against the dashboard when the quarter ends; a right reading points you at what is behind it.
play-knowledge-check = Knowledge check { $number } of { $total } [{ $objectives }]:
play-cannot-sort = Cannot sort by "{ $key }": sort by health (lowest first), arr (largest first) or renewal (soonest first).
play-no-filter = No filter or segment "{ $filter }". Use `portfolio risk` (red or yellow health), `portfolio renewing` (renewal within 2 quarters) or a segment: { $segments }.
play-no-match = No customer matches.
play-more-rows = … and { $count } more; filter with `portfolio risk`, `portfolio renewing` or a segment id.

## `show CUSTOMER`.

play-show-head = #{ $number } { $name } ({ $key }) — { $industry }, { $size }, { $touch } touch, segment { $segment }
play-show-contract = Contract: { $arr } ARR ({ $mrr } MRR), { $licences } licences, { $model }, products: { $products }; renews at the end of Q{ $renews }{ $auto ->
    [yes] {" "}(auto-renew)
   *[no] {""}
}
play-show-lifecycle = Lifecycle: { $stage } for { $quarters ->
    [one] { $quarters } quarter
   *[other] { $quarters } quarters
}; deployment { $deployment } %; { $outcomes ->
    [one] { $outcomes } business outcome
   *[other] { $outcomes } business outcomes
} achieved; time to value { $ttv }
play-show-health = Health: { $score } ({ $band }) — by component:
play-quarter-ago = a quarter ago { $before }
play-request-handed = Inbound request: { $request } — handed to { $team } this quarter (1.4).
play-request-waiting = Inbound request: { $request }{ $bounces ->
    [0] {""}
    [1] {" "}(it came back from the wrong team 1 time)
   *[other] {" "}(it came back from the wrong team { $bounces } times)
}; it takes { $hours } h of your quarter unless you hand it on: `hand { $key } support|services|account-manager` (1.4).
play-fell-read = The score fell from { $before }. You read the decline as { $driver }; it is checked when the quarter ends (2.6).
play-fell-unread = The score fell from { $before }. What drives the decline? `read { $key } usage|quality|sentiment|finances` (2.6, 1 hour)
play-show-signals = Signals (last quarter, measured): utilisation { $utilisation } % ({ $users } active users), features { $features }/{ $features_total }, open quality issues { $quality }, tickets { $tickets }, CSAT { $csat }, NPS { $nps }, financial health { $financial } %
play-stakeholders = Stakeholders:
play-stakeholder-gone = { $role } (gone)
play-show-plan = Success plan: { $count } of 7 elements, { $current ->
    [yes] current
   *[no] not reviewed recently
}; missing: { $missing }
play-show-gap = Gap in the baseline: { $gap } ({ $objective }), found Q{ $quarter }; it slows deployment, holds use back and weighs on the renewal until closed (2.5)
play-no-known-barriers = Known barriers: none
play-known-barrier = Known barrier: { $barrier } ({ $objective }, { $category } — { $category_objective }), severity { $severity } %, since Q{ $since }, found Q{ $found }, { $resolved } % resolved
play-show-engagement = Engagement: last contact { $contact }, last QBR { $qbr }, renewal work { $renewal }
play-with-mitigation = , mitigation plan
play-with-expansion-in-plan = , expansion opportunity (in the success plan)
play-with-expansion = , expansion opportunity
play-with-advocacy = , advocate ({ $forms })

## `actions` and `plan`.

play-action-head = { $action } ({ $id }) — { $hours } h for a high-touch customer{ $segment ->
    [yes] , for a whole segment
   *[no] {""}
} [{ $objectives }]
play-action-needs = Needs: { $needs }.
play-needs-segment = needs a segment
play-needs-customer = needs a customer
play-actions-foot = Hours are for a high-touch customer; virtual touch costs 60 %, digital 35 %. One-to-many actions cost the same for a whole segment. `actions ACTION` describes one; `actions CUSTOMER` says what can be planned for that customer.
play-unknown-action = Unknown action "{ $action }". Type `actions` for the catalogue.
play-unknown-target = Unknown { $segment ->
    [yes] segment
   *[no] customer
} "{ $target }".
play-planned = Planned { $action } ({ $hours } h, practises { $objectives }). { $left } hours left.
play-cannot-plan = Cannot plan { $action }: { $reason }.
play-nothing-planned = Nothing planned yet this quarter.
play-hours-reserved = Hours planned { $planned } of { $capacity }; { $reserved } reserved for inbound requests not handed on; { $left } left.
play-hours = Hours planned { $planned } of { $capacity }; { $left } left.

## The end of a quarter.

play-nothing-seen = nothing you could see
play-quarter-summary = ARR { $start } → { $end }; churned { $churned }, contraction { $contraction }, expansion { $expansion }; quarter GRR { $grr }, NRR { $nrr }; health red/yellow/green { $red }/{ $yellow }/{ $green }

## `help`.

play-help =
    Commands:
      portfolio [risk|renewing|SEGMENT]   the customers (p); filter by red/yellow health, renewal within 2 quarters, or segment (id or name)
    {"            [by health|arr|renewal]"}   and sort: lowest health, largest ARR or soonest renewal first
      show CUSTOMER                       one customer in detail (s); CUSTOMER is its id or name (any case) or #number
      actions [CUSTOMER|SEGMENT|ACTION]   the action catalogue with costs, whether each can be planned for a target, or one action in full (a)
      do ACTION CUSTOMER|SEGMENT          plan an action for this quarter
      undo N                              remove planned action N
      plan                                the actions planned this quarter and the hours left
                                          (`plan ACTION CUSTOMER` plans one, as `do` does)
      outcome CUSTOMER OUTCOME            write the business outcome the customer's success plan aims at
                                          (`outcome` alone lists them; `show CUSTOMER` says what you know)
      usecase CUSTOMER USE_CASE           write the use case the customer's success plan targets first
                                          (`usecase` alone lists them; the champion tells it in a conversation or site visit)
      read CUSTOMER DRIVER                say what drove a customer's health down last quarter: usage,
                                          quality, sentiment or finances (1 hour; judged when the quarter ends)
      hand CUSTOMER TEAM                  hand the customer's inbound request to support, services or
                                          account-manager (frees the hours it would take; 1.4)
      end                                 end the quarter and see what happened (autosaves)
      log [QUARTER]                       what happened in a quarter (default: the last one)
      coach [on|off]                      what deserves attention this quarter and is not planned yet;
                                          `coach on` lists it at every quarter's start (off in a class)
      save [FILE]                         save the session
      ranking                             in a class: the class ranking, once the instructor opens it
      help                                this text (h, ?)
      quit                                save and leave (q)

## Questions in the terminal: knowledge checks, `csm-sim quiz` and `csm-sim exam`.

ask-hint = { $choose ->
    [1] a–{ $last }
   *[other] { $choose } letters, a–{ $last }
}
ask-your-answer = Your answer ({ $hint }, skip, quit):{" "}
ask-you-chose = You chose { $letter }) { $choice }
ask-the-answer = The answer: { $letter }) { $choice }
exam-intro = Mock exam: { $questions } questions drawn like exam 820-605 (domains 15/25/25/20/15 %), { $time } to answer them. Pass line { $pass } %.
exam-how = Answer with a letter (two letters where it says choose two), `skip` to leave a question unanswered, `quit` to stop and be marked now.
exam-question = Question { $number } of { $total } · domain { $domain } · { $time } left
exam-time-prompt = [{ $time } left]{" "}
exam-late-answer = Time is up: that answer came after the end and does not count.
exam-time-up = Time is up.
exam-score = Score: { $right } of { $asked } ({ $percent } %) in { $time }; { $passed ->
    [yes] at or above
   *[no] below
} the pass line of { $pass } %.
exam-verdict = { $passed ->
    [yes] PASSED
   *[no] NOT PASSED
}
mark-not-reached = not reached
exam-mark-right-yours = {" "}✓ yours
exam-mark-wrong-yours = {" "}✗ yours
exam-recorded = Recorded in { $path }: missed questions come back first in `csm-sim quiz`.
quiz-intro = Practice: { $questions } questions ({ $due } due for review). Answer with a letter, `skip`, or `quit`.
quiz-question = Question { $number } of { $total } [{ $objectives }]{ $note }
quiz-right = { $right } of { $asked } right.
quiz-seen = { $seen } of { $total } questions of the bank answered so far; record in { $path }.

## Terminal-only forms.

play-request-short = { $request }, { $hours } h
col-segment-lower = segment
col-touch-lower = touch
col-stage-lower = stage
col-health-lower = health
col-known-barriers-lower = known barriers
play-could-not-update-study = Could not update the study record: { $error }
quiz-could-not-save = Could not save the study record: { $error }
right-of-right = { $right } of { $asked } right
mark-unanswered = unanswered
ask-one-letter = Answer with one letter (a–{ $last }), `skip` or `quit`.
ask-n-letters = Choose { $choose }: give { $choose } different letters (a–{ $last }), for example `a c`; or `skip` or `quit`.

## `run` and `replay`.

run-heading = { $title } — { $scenario } (seed { $seed })
run-default =
    Running the built-in "{ $scenario }" scenario with the built-in sensible playbook.
    Play it yourself with `csm-sim play { $scenario }`; see `csm-sim --help` for every command.
run-journal = Journal:
run-outcomes = Renewals, churn and expansion, and why:
run-debrief-written = Debrief written to { $html } and { $json }
table-arr-end = ARR (end)
table-churned = churned
table-contraction = contraction
table-expansion = expansion
table-new = new
table-nrr-run = NRR, run
table-customers = cust.
table-bands = red/yel/green
replay-heading = { $file }: scenario { $scenario } (seed { $seed }), { $quarters ->
    [one] { $quarters } quarter
   *[other] { $quarters } quarters
} played, { $actions ->
    [one] { $actions } action
   *[other] { $actions } actions
}
replay-reproduced = reproduced: the replay gives the same outcome as the saved session ({ $hash })
replay-mismatch = MISMATCH: the replay's outcome { $replayed } differs from the saved { $saved }

## `coverage`.

coverage-and = {" "}and{" "}
coverage-intro = Exam objectives each scenario exercises: m by a mechanic that happened in play (the built-in { $playbooks } playbooks, { $seeds } seeds each), n only named by the scenario; rules: j if a judging rule watches it; questions: how many the bank asks.
coverage-column = {"  "}column { $number }: { $scenario }
coverage-domain = { $id } { $title } ({ $weight } % of the exam)
coverage-col-rules = rules
coverage-col-questions = questions
coverage-col-title = title
coverage-domain-total = {"  "}by a mechanic: { $by_mechanic } of { $total } ({ $percent } %); named only: { $named }
coverage-total = { $by_mechanic } of { $total } objectives are exercised by a mechanic in at least one scenario.
coverage-docs = The mechanics and the objectives each exercises are listed in docs/exam.md ("What play exercises").

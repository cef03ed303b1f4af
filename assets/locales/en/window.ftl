# The desktop window. Arguments are given as $name; numbers choose the plural form.

window-title = csm-sim — Customer Success practice
no-display = csm-sim: no display to open a window on (DISPLAY is not set); play in the terminal with `csm-sim play`
no-graphics-driver = csm-sim: no usable graphics driver for the window (install Vulkan or OpenGL drivers); play in the terminal with `csm-sim play`
no-usable-display = csm-sim: no usable display for the window (check DISPLAY and the X11 libraries); play in the terminal with `csm-sim play`
language-choice = The language the program speaks; scenario text stays as its author wrote it.
theme-light = Light
theme-dark = Dark
theme-why = Light or dark colours (saved for the next time)

## Words used in many places.

ok = ok
dismiss = dismiss
problem = Problem: { $error }
choose = choose…
portfolio = Portfolio
the-portfolio = the portfolio
quarter-short = Q{ $quarter }
quarter-of = Quarter { $quarter } of { $quarters }
count-quarters = { $count ->
    [one] { $count } quarter
   *[other] { $count } quarters
}
names-and-more = { $names } and { $count } more
saved-to = Saved to { $path }
could-not-save = could not save: { $error }
could-not-save-study = could not save the study record: { $error }
could-not-save-settings = could not save the settings: { $error }
seed-not-a-number = the seed must be a whole number, not "{ $seed }"

## The start screen.

start-title = csm-sim — practise Customer Success Management
start-subtitle = Aligned to the Cisco Customer Success Manager exam (820-605).
builtin-scenarios = Built-in scenarios
open-scenario-file = Or open a scenario file
button-open = Open
resume-session = Resume a saved session
button-resume = Resume
join-class = Join a class
join-address = Address
join-code = Code
join-name = Name
button-join = Join
scenario-facts = { $difficulty } · { $quarters ->
    [one] { $quarters } quarter
   *[other] { $quarters } quarters
} · { $customers ->
    [one] { $customers } customer
   *[other] { $customers } customers
} · { $hours } CSM hours a quarter
exam-objectives = Exam objectives: { $objectives }
seed = Seed
button-start = Start
scenario-not-loaded = This scenario could not be loaded; see the message above.

## The top bar.

scenario-over = Scenario over
card-arr = ARR at the quarter's start
card-arr-end = ARR at the end
card-atr = ATR this quarter ({ $count ->
    [one] { $count } renewal
   *[other] { $count } renewals
})
card-band = customers { $band }
hours-left = CSM hours left
hours-of = { $left } of { $capacity } h
hours-reserved = { $hours } h reserved for inbound requests
hours-reserved-why = Requests not handed on take these hours when the quarter ends (1.4)
button-portfolio = Portfolio (P)
button-end-quarter = End quarter (E)
button-debrief = Debrief
button-save = Save
button-save-why = The session also saves itself after every change
text-larger = Larger text (+)
text-smaller = Smaller text (−)
text-scale = scale { $percent } %

## A class.

class-ranking = Class ranking
ranking-rank = #
ranking-seat = Seat
ranking-quarter = Quarter
ranking-nrr = NRR
ranking-readiness = Readiness
ranking-scorecard = Scorecard
no-ranking = No ranking: { $error }
class-joined = Joined the class as "{ $name }"; your game is saved in { $path } and synced at each quarter's end.
class-message = Message from the instructor: { $message }
class-news = News from the class: { $news }
class-held = The instructor holds the class at quarter { $quarter }: wait for the release (your plan is kept).
class-synced = Synced with the class (quarter { $quarter }).
class-not-synced = Not synced with the class: { $error }. Your game is saved here and goes to the class at the next quarter's end.

## The portfolio.

show = Show
filter-all = All
filter-at-risk = At risk
filter-renewing-soon = Renewing soon
filter-health-fell = Health fell ({ $count })
filter-requests = Requests ({ $count })
filter-segment = segment { $segment }
search = Search
declines-to-read = Health fell last quarter at { $fell ->
    [one] { $fell } customer
   *[other] { $fell } customers
}; { $unread } not yet read. Open one and say what drives the decline (2.6).
requests-waiting = { $count ->
    [one] { $count } inbound request takes
   *[other] { $count } inbound requests take
} { $hours } of your hours unless handed on. Open one and hand it to the team that answers it, or keep it (1.4).
rows-some = { $shown } of { $matching } customers shown (the first by id); filter or search to narrow
rows-all = { $shown ->
    [one] { $shown } customer shown
   *[other] { $shown } customers shown
}
col-customer = Customer
col-segment = Segment
col-touch = Touch
col-arr = ARR
col-bought-as = Bought as
col-stage = Stage
col-renews = Renews
col-health = Health
col-trend = Trend
col-flags = Risk flags
col-request = Request
renews-churned = churned
renews-starts = starts in Q{ $quarter }
renews-after-scenario = after the scenario
renews-now = this quarter
renews-in = { $quarters ->
    [one] next quarter
   *[other] in { $quarters } quarters
}
flag-health-fell = health fell
trend-why = Health at the start and at the end of each quarter: { $scores }
sorted-high-first = {" "}(high first)
sorted-low-first = {" "}(low first)
gap-short = { $gap } gap
request-handed-short = { $request }, handed on
request-hours-short = { $request } { $hours } h
coach = Coach
coach-why = Lists what deserves attention this quarter; the debrief says when it was on.
coach-class = A class plays under exam conditions: no coach.
coach-nothing = Nothing is waiting that your plan does not already touch.
coach-heading = What deserves attention this quarter and is not in your plan yet
coach-more = … and { $count ->
    [one] { $count } customer
   *[other] { $count } customers
} more: plan for these, or filter the portfolio to find the rest
quarter-plan = This quarter's plan
nothing-planned = Nothing planned yet: open a customer to act, or run a one-to-many action below.
planned-line = { $number }. { $action } — { $target } [{ $objectives }]
remove = Remove
cannot-remove = Cannot remove it: { $reason }.
one-to-many = One-to-many actions for a segment
segment-touch = { $segment } ({ $touch } touch)
one-to-many-line = { $action } — { $hours } h [{ $objectives }]:

## A customer's page.

back-to-portfolio = Back to the portfolio
health-score = health { $score } { $band }
customer-facts = { $industry } · { $size } · { $touch } touch · segment { $segment } · { $arr } ARR ({ $mrr } MRR) · { $licences } licences ({ $users } active users) · { $stage } · renews end of Q{ $renews }{ $auto ->
    [yes] {" "}(auto-renew)
   *[no] {""}
}
bought-as = Bought as: { $model }
stakeholders = Stakeholders
stakeholder-sentiment = { $role }: sentiment { $sentiment }
stakeholder-gone = { $role }: gone
plan-elements = Success plan: { $count } of 7 elements, { $current ->
    [yes] current
   *[no] not reviewed recently
}
plan-missing = Missing: { $missing }
write-outcome = Write the plan's outcome:
target-first = Target first:
health-by-component = Health by component (score { $score }, { $before } a quarter ago)
delta-on-quarter = { $delta } on a quarter ago
what-drives-decline = What drives the decline? (1 h)
read-as = You read it as { $driver }; it is checked when the quarter ends.
inbound-request = Inbound request
request-handed = { $request } — handed to { $team } this quarter (1.4).
request-waiting = { $request }{ $bounces ->
    [0] {""}
   *[other] , back from the wrong team ({ $bounces }×)
}. It takes { $hours } h of your quarter unless you hand it to the team that answers it; keep the ones only a CSM should answer (1.4).
hand-it-to = Hand it to
hand-support = support
hand-services = services
hand-account-manager = the account manager
or-keep-it = or keep it
gap-in-baseline = Gap in the baseline
gap-found = { $gap } ({ $objective }), found Q{ $quarter }: it slows deployment, holds use back and weighs on the renewal until closed (2.5).
known-barriers = Known barriers
none-found = none found
known-barrier = { $barrier } ({ $objective }, { $category }) — severity { $severity } %, since Q{ $since }, { $resolved } % resolved
growth = Growth
expansion-in-plan = An expansion opportunity is open, and written into the success plan with the sponsor (5.4).
expansion-open = An expansion opportunity is open (5.2); a plan review with the sponsor writes it into the success plan (5.4).
advocate = Advocate: { $forms } — peer proof for the segment's other customers (4.6).
signals-over-quarters = Signals over the quarters (as measured)
chart-health = Health (0–100)
chart-utilisation = Utilisation % (0–100)
chart-nps = NPS (−100 to 100)
chart-csat = CSAT (1–5)
act = Act
hours-left-quarter = { $hours } CSM hours left this quarter
action-hours = { $action } — { $hours } h
history = History

## The end of a quarter.

what-happened = What happened in quarter { $quarter }
quarter-summary = ARR { $start } to { $end }; churned { $churned }, contraction { $contraction }, expansion { $expansion }; quarter GRR { $grr } %, NRR { $nrr } %; health red { $red }, yellow { $yellow }, green { $green }
nothing-seen = Nothing you could see happened.
health-moves = Health moves
health-move = { $name }: health { $from } to { $to } ({ $band_from } to { $band_to }, 2.6)
decisions-judged = Your decisions, judged
judged-rule = { $explanation } [{ $objectives }] — { $count ->
    [one] {""}
   *[other] { $count } times:{" "}
}{ $names }
well-done = Well done:
do-differently = To do differently:
knowledge-check = Knowledge check { $number } [{ $objectives }]
answer = Answer
see-debrief = See the debrief (N)
next-quarter = Next quarter (N)

## The debrief.

debrief-title = Debrief: { $title }
debrief-meta = Scenario { $scenario }, seed { $seed }, { $quarters ->
    [one] { $quarters } quarter
   *[other] { $quarters } quarters
} played.
business-results = Business results
card-end-arr = ARR at the end (from { $start })
card-churned = churned ARR, { $lost } of { $customers ->
    [one] { $customers } customer
   *[other] { $customers } customers
}
card-expansion = expansion ARR
card-time-to-value = mean time to value
time-to-value = { $quarters } quarters
card-readiness = exam readiness
debrief-outlook = Renewal outlook: every contract renews again after the scenario; the starting customers' { $pending } of ARR is expected to keep { $expected } at those renewals, as things stand. NRR with that outlook is { $nrr } (1.8.c).
target-col-target = Target
target-col-goal = Goal
target-col-result = Result
target-col-met = Met?
target-met = ✔ met
target-missed = × missed
chart-arr = ARR at the end of each quarter
chart-bands = Customers by health band at the end of each quarter
chart-start = start
exam-readiness = Exam readiness { $percent } %
readiness-why = Mastery per domain of exam 820-605 from your judged decisions and answers, weighted like the exam. A domain without evidence counts as not yet shown, and a little evidence as little.
study-next = Study next
study-mistakes = {" "}— { $count ->
    [one] { $count } mistake
   *[other] { $count } mistakes
}
judged-differently-count = What to do differently ({ $count })
judged-well-count = What you did well ({ $count })
judged-kind = { $explanation } [{ $objectives }] — { $count ->
    [one] once
   *[other] { $count } times
}
judged-place = Q{ $quarter } { $customer }
judged-kinds = { $count ->
    [one] { $count } kind
   *[other] { $count } kinds
}
judged-more-kinds = { $count ->
    [one] { $count } more kind
   *[other] { $count } more kinds
}
checks-heading = Knowledge checks: { $right } of { $total } right
check-line = Q{ $quarter } [{ $objectives }] { $prompt }
check-right = Right answer: { $answer } — { $explanation }
outcomes-heading = What happened, and why
routine-renewals = { $count ->
    [one] { $count } routine renewal
   *[other] { $count } routine renewals
} (a chance of { $chance } % or more, nothing against { $count ->
    [one] it
   *[other] them
} and no barrier in the term), by quarter: { $list }.
routine-quarter = Q{ $quarter } { $count } ({ $arr })
exceptions = Exceptions: { $list }.
exception-kind = { $count } { $kind } ({ $arr })
outcome-churned = churned
outcome-downsold = downsold
outcome-expanded = expanded
outcome-renewed = renewed
each-exception = Each of the { $count } exceptions, with its story
outcome-line = Q{ $quarter } { $customer }: { $kind } { $arr }
outcomes-not-listed = And { $count } more not listed here.
story-barrier-resolved = a { $barrier } began in Q{ $began } ({ $objective }), resolved in Q{ $at }
story-barrier-known = a { $barrier } began in Q{ $began } ({ $objective }), known at once, never resolved
story-barrier-found = a { $barrier } began in Q{ $began } ({ $objective }), found in Q{ $at }, never resolved
story-barrier-never-found = a { $barrier } began in Q{ $began } ({ $objective }), never found
story-renewal-work = renewal work started in Q{ $quarter }
story-chance = renewal chance { $chance } %
story-expansion = { $action } ({ $objectives })
story-separator = {"; "}
report-file = Report file
export-report = Export HTML report
report-written = Report written to { $path }

## Questions, practice and the mock exam.

study-heading = Study for the exam
last-mock-exam = {" "}Last mock exam: { $percent } % ({ $passed ->
    [yes] passed
   *[no] not passed
}).
study-progress = { $seen } of { $total } questions answered, { $due } due for review.{ $last }
domain = Domain
domain-all = all
practise-questions = Practise { $count } questions
mock-exam-button = Mock exam: { $questions } questions, { $minutes } minutes
mock-exam = Mock exam
practice = Practice
time-left = { $time } left
back-to-start = Back to the start
quiz-result = { $right } of { $answered } right. Missed questions come back first next time.
no-questions = No questions match this choice.
question-of = Question { $number } of { $total } · domain { $domain } · [{ $objectives }]{ $choose ->
    [1] {""}
   *[other] {" "}· choose { $choose }
}{ $note }
note-missed = {" "}· missed last time
note-review = {" "}· review
note-new = {" "}· new
answer-and-next = Answer and next
skip = Skip
finish-and-mark = Finish and mark
next = Next
exam-marks = { $passed ->
    [yes] Passed
   *[no] Not passed
}: { $right } of { $asked } ({ $percent } %); the pass line is { $pass } %.
right-of = { $right } of { $asked }
review = Review
mark-right = right
mark-wrong = wrong
mark-skipped = skipped
mark-not-answered = not answered
your-answer-right = Your answer, right
the-answer-was = The answer
your-answer-wrong = Your answer, wrong
choose-n = Choose { $choose }: { $chosen } chosen
answer-right = Right.
answer-not-quite = Not quite.
you-chose = You chose: { $choice }
the-answer = The answer: { $choice }

## What the success plan aims at and what the CSM has learned (window and terminal).

plan-aims-at = Aims at: { $outcome }, measured by { $kpi }{ $vendor ->
    [yes] {" "}— the vendor's goal, not the customer's (1.2)
   *[no] {""}
}
plan-aims-at-nothing = Aims at: no business outcome written yet (2.3)
plan-sponsor-wants = The sponsor wants: { $outcome }
plan-sponsor-unheard = The sponsor's desired outcome: not heard yet (a stakeholder conversation or executive alignment, 2.3)
plan-account-manager = Account manager's notes, what was sold: { $outcome } (4.3.b)
plan-baseline = Baseline: measured from the account data (2.5)
plan-no-baseline = Baseline: not measured (review the account data, 2.5)
plan-use-case-untargeted = Use cases: { $use_case } — targets nothing in particular (2.8)
plan-use-case-to-be-untargeted = Use cases: to be written as { $use_case } — targets nothing in particular (2.8)
plan-use-case-not-champions = Use cases: targets { $use_case } first — not the one the champion named (2.8)
plan-use-case = Use cases: targets { $use_case } first (2.8)
plan-use-case-none = Use cases: none written yet (2.8)
plan-raci-outdated = RACI: names a sponsor or champion who has left: review the plan with the people in place (2.9)
plan-raci-outdated-find = RACI: names a sponsor or champion who has left; find the new one first, then review the plan (2.9)
plan-champion-shows = The champion's use case: { $use_case }, what the work depends on first (2.8)
plan-champion-unheard = The champion's use case: not heard yet (a stakeholder conversation or a site visit, 2.8)

## The coach (window and terminal).

coach-renewal = renews { $quarters ->
    [0] at the end of this quarter
    [1] in 1 quarter
   *[other] in { $quarters } quarters
} and no renewal work has started (5.5)
coach-barrier = { $barrier }, found { $quarters ->
    [0] this quarter
    [1] 1 quarter ago
   *[other] { $quarters } quarters ago
}; no response has made progress on it yet ({ $objective })
coach-red-never = red health and no contact yet (3.3, 2.6)
coach-red = red health and no contact for { $quarters ->
    [one] { $quarters } quarter
   *[other] { $quarters } quarters
} (3.3, 2.6)
coach-request = an inbound request is waiting: { $request } (1.4)
coach-digital = { $count } digital-touch { $count ->
    [one] customer renews
   *[other] customers renew
} within { $quarters ->
    [one] { $quarters } quarter
   *[other] { $quarters } quarters
} with no renewal work: one-to-many renewal outreach reaches a whole segment (1.9.c, 5.5)

# The HTML debrief (`csm-sim run --report`, the window's "Export HTML report"). It also uses
# the debrief's words in window.ftl (cards, charts, the decisions and the outcomes).

html-chart-bands = Customers by health band (mean health under each bar)
html-readiness-why = Mastery per domain of exam 820-605 from your judged decisions, weighted like the exam. A domain without evidence counts as not yet shown, and a little evidence as little: each domain's good decisions and right answers are weighed against four pieces of "not yet shown", and a good decision repeated for the same customer within a year counts once.
html-col-domain = Domain
html-col-weight = Weight
html-col-mastery = Mastery
html-col-good = Good
html-col-mistakes = Mistakes
html-col-objectives = Objectives
html-col-why = Why it matters
html-col-times = Times
html-col-where = Where
html-col-quarter = Quarter
html-col-question = Question
html-col-your-answer = Your answer
html-col-right-answer = Right answer, and why
html-col-customer = Customer
html-col-outcome = Outcome
html-col-arr = ARR
html-show = { $what } — show
html-study-record = From your study record
html-practice = { $seen } of { $bank } questions answered; { $due } due for review: run csm-sim quiz.
html-last-exam = {" "}Last mock exam: { $percent } %.
html-weak = { $title } — { $right } of { $answered } right (csm-sim quiz --objective { $id })
html-json-tells = The JSON debrief tells each one; the exceptions follow.
html-not-listed = And { $count } more not listed here; the first { $listed } are above.

# The words for the domain's small vocabularies: touch models, stages, barriers, actions, …
# An id is PREFIX-Variant, the variant as the code names it.

language-name = English

## Verdicts on a judged decision.

verdict-Good = Good
verdict-Mistake = Mistake

## Scenario difficulty.

difficulty-Beginner = Beginner
difficulty-Intermediate = Intermediate
difficulty-Advanced = Advanced

## Customer size.

size-Small = Small
size-Medium = Medium
size-Large = Large
size-Enterprise = Enterprise

## Barrier categories (3.1).

category-Business = Business
category-Operational = Operational
category-Technical = Technical
category-Cultural = Cultural

## How a customer is engaged (1.9).

touch-High = high
touch-Virtual = virtual
touch-Digital = digital

## How a customer buys, as a table column (1.6).

model-short-Licence = licences
model-short-Subscription = subscription
model-short-EnterpriseAgreement = agreement

## How a customer buys, with what its renewal puts at stake (1.6).

model-Licence = licences (support renews; capital spent, 1.6.a)
model-Subscription = subscription (all of it renews; operating spend, 1.6.b)
model-EnterpriseAgreement = enterprise agreement (one co-termed renewal; use above the entitlement is trued up, 1.6.c)

## Lifecycle stages (1.3).

stage-Onboard = onboard
stage-Implement = implement
stage-Use = use
stage-Adopt = adopt
stage-ExpandRenew = expand/renew
stage-Churned = churned

## The barriers of 3.4.

barrier-StalledImplementation = stalled implementation
barrier-LostSponsor = lost executive sponsor
barrier-MissingFeature = missing product feature
barrier-QualityIssue = quality or performance issue
barrier-NotAFit = product not the best fit

## The parts of the health score.

health-part-Usage = usage
health-part-Quality = quality
health-part-Sentiment = sentiment
health-part-Financial = financial
health-part-Nps = NPS
health-part-Csat = CSAT
health-part-Engagement = engagement
health-part-Outcomes = outcomes

## Company risks.

company-risk-BudgetCut = its finances failed: a budget cut
company-risk-ChampionLeaves = its champion left the company
company-risk-Merger = it was merged into another company

## Health bands.

band-Red = red
band-Yellow = yellow
band-Green = green

## Inbound requests (1.4).

request-Technical = a technical problem (something broken or slow)
request-HowTo = help to configure, integrate or roll out
request-Commercial = licences, an invoice or a quote
request-Strategic = the sponsor asks whether the outcomes are on track

## Inbound requests, as a table column.

request-short-Technical = technical
request-short-HowTo = how-to
request-short-Commercial = commercial
request-short-Strategic = strategic

## The teams a request is handed to.

team-Csm = the CSM
team-Support = support
team-Services = services
team-AccountManager = the account manager

## Gaps users tell of.

gap-Tools = a tools gap (integrations and tooling not in place)
gap-Processes = a processes gap (workflows not changed to use the product)
gap-Staff = a staff gap (too few people, or without the skills)

## Gaps, as a table column.

gap-short-Tools = tools
gap-short-Processes = processes
gap-short-Staff = staff

## Why an action cannot be planned.

blocker-ScenarioOver = the scenario is over
blocker-UnknownCustomer = there is no such customer
blocker-UnknownSegment = there is no such segment
blocker-NotYetACustomer = the contract has not started yet
blocker-Churned = the customer has churned
blocker-NeedsCustomerTarget = this is a one-to-one action: choose a customer
blocker-NeedsSegmentTarget = this is a one-to-many action: choose a segment
blocker-AlreadyPlanned = already planned for this target this quarter
blocker-OverBudget = not enough CSM hours left this quarter
blocker-NeedsSuccessPlan = needs a success plan with at least three elements (2.7)
blocker-NeedsCurrentPlan = a QBR needs a success plan reviewed this or last quarter with at least five elements (4.4)
blocker-NeedsSponsor = needs an executive sponsor to meet (4.3.a)
blocker-SponsorGone = the executive sponsor has left the customer, so there was no one to meet (3.4.b)
blocker-NoKnownSponsorLoss = as far as you know the sponsor is in place; confirm a loss first (3.3.b)
blocker-NeedsRiskAnalysis = needs renewal work started this term first: a renewal risk analysis (5.5)
blocker-NoNewOutcome = no business outcome achieved since the last capture
blocker-PastAdoption = the customer is already past onboarding and adoption
blocker-ProposedThisTerm = this kind of expansion was already proposed to this customer this contract term (5.2)
blocker-ExpansionDoorClosed = the customer turned down a proposal recently (for the rest of the term if it did not fit); earn value first (5.2)
blocker-NoDecline = the health score did not fall by 2 points or more last quarter: there is no decline to read (2.6)
blocker-NoOpenRequest = the customer has no open inbound request to hand on this quarter (1.4)
blocker-HoursInUse = the hours this hand-off freed are planned for other work: remove some of that first
blocker-NotPlanned = there is no planned action with that number
blocker-AdvocacyGiven = the customer already gave this form of advocacy; ask for another form (4.6)
blocker-NeedsChampion = the customer has no champion to give the talk; find one first (2.2)

## The actions: name, what each needs, what each does.

action-ReviewAccountData = Review account data
action-about-ReviewAccountData = Read telemetry, consumption and support data for symptoms of barriers. Finds stalls, quality problems and poor fit once their symptoms reach the data (a quarter after they begin).
action-StakeholderConversation = Stakeholder conversation
action-about-StakeholderConversation = Talk with the customer's people. The surest way to learn that a sponsor left, a feature is missing or the product does not fit; lifts sentiment a little.
action-SiteVisit = Observe the customer
action-about-SiteVisit = Watch how the customer works with the product. Finds stalled implementations and poor fit.
action-BuildSuccessPlan = Build the success plan
action-about-BuildSuccessPlan = Write down products, stakeholder roles, business outcomes (validated only with an executive sponsor), critical success factors, KPIs, the use cases to target first (the champion's, once heard) and a RACI.
action-ReviewSuccessPlan = Review the success plan
action-needs-ReviewSuccessPlan = a success plan with at least three elements
action-about-ReviewSuccessPlan = Walk through the plan with the customer, keep it current, re-validate outcomes with the sponsor, put the use cases right once the champion has named them and the RACI once the people have changed.
action-AdoptionPlan = Adoption plan
action-needs-AdoptionPlan = a customer not yet past adoption
action-about-AdoptionPlan = Agree an adoption plan, a prioritised success focus, a time-to-value timeline and a feature matrix. Its focus is the success plan's outcome: aimed at what the customer wants, it speeds deployment and the first outcome; with no outcome written, or the wrong one, it moves at half the pace.
action-Training = Product training
action-about-Training = Train users: more utilisation, more features in use, happier users.
action-Qbr = Quarterly success review (QBR)
action-needs-Qbr = a current success plan with at least five elements, and an executive sponsor to meet
action-about-Qbr = Present realised value to decision makers, validate outcomes, surface expansion when outcomes are achieved.
action-CaptureSuccess = Capture a moment of success
action-needs-CaptureSuccess = a business outcome achieved since the last capture
action-about-CaptureSuccess = Celebrate an achieved outcome with the stakeholders.
action-PhasedReplan = Re-plan with phased milestones
action-about-PhasedReplan = The response to a stalled implementation: smaller milestones the customer can reach.
action-EngageServices = Bring in services or a partner
action-about-EngageServices = Specialists unblock a stalled implementation.
action-ExecutiveEscalation = Executive escalation
action-about-ExecutiveEscalation = Escalate inside the vendor for a stalled implementation or a quality crisis. Used for nothing, it costs goodwill.
action-FindNewSponsor = Find and brief a new sponsor
action-needs-FindNewSponsor = a known loss of the executive sponsor
action-about-FindNewSponsor = The response to a lost sponsor; easier with a champion on your side.
action-ExecutiveAlignment = Executive-to-executive alignment
action-about-ExecutiveAlignment = Your executives meet theirs: helps replace a lost sponsor, strengthens a present one.
action-FeatureRequest = Feature request to the business unit
action-about-FeatureRequest = Take a missing feature to the product team with the customer's business case.
action-Workaround = Design a workaround
action-about-Workaround = Meet the need another way while the feature is missing.
action-EscalateToSupport = Escalate to support and engineering
action-about-EscalateToSupport = Root-cause analysis for a quality or performance problem.
action-RecoveryPlan = Quality recovery plan
action-about-RecoveryPlan = A recovery plan with regular status communication during a quality crisis.
action-RescopeUseCases = Re-scope to use cases that fit
action-about-RescopeUseCases = The response to a product that is not the best fit: focus on the use cases it serves well.
action-RenewalRiskAnalysis = Renewal risk analysis
action-about-RenewalRiskAnalysis = Start renewal work: review health, sponsor, barriers and usage against the renewal date. Best done a quarter or more (90+ days) ahead.
action-MitigationPlan = Risk mitigation plan
action-needs-MitigationPlan = a renewal risk analysis this term
action-about-MitigationPlan = Agree actions with the customer against each renewal risk.
action-TransitionPlan = Honest transition plan
action-about-TransitionPlan = Right-size the contract with the customer: a downsell rather than a surprise churn.
action-ProposeAdditionalFeatures = Propose additional features
action-about-ProposeAdditionalFeatures = Expansion by features; lands when most features are already in use (+10 % ARR).
action-ProposeNewUseCases = Propose new use cases
action-about-ProposeNewUseCases = Expansion by use cases; lands when the plan has use cases and an outcome is achieved (+15 % ARR).
action-ProposeAdditionalUserGroups = Propose additional user groups
action-about-ProposeAdditionalUserGroups = Expansion by licences; lands when utilisation is high (+20 % ARR and licences).
action-ProposeNewSolution = Propose a new solution
action-about-ProposeNewSolution = Cross-sell another product; lands with two outcomes and a warm sponsor (+30 % ARR).
action-ProposeChangeManagement = Propose change-management services
action-about-ProposeChangeManagement = Services that help people adopt; lands when adoption lags and a sponsor backs it (+8 % ARR).
action-AdvocacyRequest = Ask for a reference
action-about-AdvocacyRequest = Ask the customer to take reference calls from prospects and peers. Welcome from promoters; asking an unhappy customer backfires. References help other customers in the segment buy.
action-CaseStudy = Ask for a case study
action-about-CaseStudy = Write up, with the customer, the outcomes reached and their measured results. Needs a promoter with an outcome achieved; asked before there are results, it backfires. Counts twice as peer proof.
action-UserGroupTalk = Invite to speak at the user group
action-needs-UserGroupTalk = a champion to give the talk
action-about-UserGroupTalk = The champion presents the team's work to other customers. Welcome from promoters, and it warms the champion and the users.
action-AdoptionCampaign = Adoption campaign (segment)
action-needs-AdoptionCampaign = a segment as the target
action-about-AdoptionCampaign = One-to-many utilisation campaign for a whole segment; surfaces expansion opportunities where utilisation is high.
action-OneToManyTraining = Webinar training (segment)
action-needs-OneToManyTraining = a segment as the target
action-about-OneToManyTraining = Recorded training and webinars for every customer in a segment.
action-DigitalRenewalOutreach = Digital renewal outreach (segment)
action-needs-DigitalRenewalOutreach = a segment as the target
action-about-DigitalRenewalOutreach = Automated 90/60/30-day renewal touchpoints for every customer in the segment renewing within two quarters.
action-HandToSupport = Hand the request to support
action-needs-HandToSupport = an open inbound request
action-about-HandToSupport = Open a support case for the customer's request and let support and engineering answer it. Right for something broken or slow; the case may show the quality problem behind it. Frees the hours the request would take.
action-HandToServices = Hand the request to services
action-needs-HandToServices = an open inbound request
action-about-HandToServices = Pass the request to professional services or a partner. Right for help to configure, integrate or roll out; they may see the rollout has stalled. Frees the hours the request would take.
action-HandToAccountManager = Hand the request to the account manager
action-needs-HandToAccountManager = an open inbound request
action-about-HandToAccountManager = Pass the request to the vendor's account manager. Right for licences, invoices and quotes. Frees the hours the request would take.

## Use cases a plan targets first (2.8).

use-case-AutomateWorkflows = automate a manual workflow
use-case-Reporting = reporting and analytics on the operation
use-case-SelfService = self-service for the customer's users
use-case-Integration = connect the systems the work runs on
use-case-Monitoring = monitor security and compliance
use-case-EveryFeature = every feature at once (the vendor's standard rollout)

## Business outcomes a plan aims at (2.3).

outcome-ReduceCost = reduce operating cost
outcome-GrowRevenue = grow revenue
outcome-ReduceRisk = reduce risk and stay compliant
outcome-RaiseProductivity = raise staff productivity
outcome-ImproveExperience = improve the customer's own customers' experience
outcome-LicencesActivated = activate every licence
outcome-FeaturesAdopted = adopt every feature

## The KPI each outcome is measured by (2.4).

kpi-ReduceCost = cost per transaction against the baseline
kpi-GrowRevenue = revenue per customer against the baseline
kpi-ReduceRisk = audit findings and incidents against the baseline
kpi-RaiseProductivity = hours per process against the baseline
kpi-ImproveExperience = the customer's own NPS against the baseline
kpi-LicencesActivated = share of licences active
kpi-FeaturesAdopted = share of features in use

## The people around an account (2.2).

role-ExecutiveSponsor = executive sponsor
role-Champion = champion
role-Users = users
role-AccountManager = account manager

## What drives a health decline (2.6).

driver-Usage = usage
driver-Quality = quality
driver-Sentiment = sentiment
driver-Finances = finances

## The families of actions.

family-Discover = discover
family-Plan = success plan
family-Adopt = onboard & adopt
family-Review = review
family-Remedy = remedy a barrier
family-Renew = renewal
family-Grow = expansion & advocacy
family-OneToMany = one-to-many
family-Reactive = inbound requests

## The elements of a success plan (2.1–2.10).

plan-element-Products = purchased products (2.1)
plan-element-StakeholderRoles = stakeholder roles (2.2)
plan-element-ValidatedOutcomes = validated business outcomes (2.3)
plan-element-CriticalSuccessFactors = critical success factors (2.4)
plan-element-Kpis = KPIs and metrics (2.10)
plan-element-UseCases = targeted use cases (2.8)
plan-element-Raci = RACI (2.9)

## How a barrier came to light (3.2, 3.3).

how-Known = known from the start
how-Data = found in the account data
how-Conversation = found in a stakeholder conversation
how-Observation = found by observing the customer
how-Process = found in a structured review
how-CustomerEscalation = the customer escalated it
how-AccountManager = the account manager reported it
how-HealthReading = found by reading what drives the health score's decline
how-SupportCase = support found it working a case the CSM handed on
how-ServicesTeam = services found it answering a request the CSM handed on

## A team at the start of a sentence.

team-first-Csm = The CSM
team-first-Support = Support
team-first-Services = Services
team-first-AccountManager = The account manager

## Forms of advocacy (4.6), and how lists are joined.

advocacy-reference = reference
advocacy-case-study = case study
advocacy-talk = user-group talk
list-separator = ,{" "}

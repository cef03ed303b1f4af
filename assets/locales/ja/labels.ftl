# The words for the domain's small vocabularies: touch models, stages, barriers, actions, …
# An id is PREFIX-Variant, the variant as the code names it. Terms follow the Japanese exam
# blueprint (shared/seeds/000_*) and the Japanese CS material (001_*, 003_*).

language-name = 日本語

## Verdicts on a judged decision.

verdict-Good = 適切
verdict-Mistake = 誤り

## Scenario difficulty.

difficulty-Beginner = 初級
difficulty-Intermediate = 中級
difficulty-Advanced = 上級

## Customer size.

size-Small = 小規模
size-Medium = 中規模
size-Large = 大規模
size-Enterprise = エンタープライズ

## Barrier categories (3.1).

category-Business = ビジネス
category-Operational = 運営
category-Technical = 技術
category-Cultural = 企業文化

## How a customer is engaged (1.9).

touch-High = ハイタッチ
touch-Virtual = バーチャルタッチ
touch-Digital = デジタルタッチ

## How a customer buys, as a table column (1.6).

model-short-Licence = ライセンス
model-short-Subscription = サブスクリプション
model-short-EnterpriseAgreement = エンタープライズ契約

## How a customer buys, with what its renewal puts at stake (1.6).

model-Licence = ソフトウェアライセンス（更新対象はサポートのみ。購入費は CapEx、1.6.a）
model-Subscription = サブスクリプション（全額が更新対象。OpEx、1.6.b）
model-EnterpriseAgreement = エンタープライズ契約（期間をそろえた一括更新。利用権を超えた利用分はトゥルーアップで精算、1.6.c）

## Lifecycle stages (1.3).

stage-Onboard = オンボーディング
stage-Implement = 実装
stage-Use = 利用
stage-Adopt = 活用
stage-ExpandRenew = 拡張/更新
stage-Churned = 解約済み

## The barriers of 3.4.

barrier-StalledImplementation = 実装の行き詰まり
barrier-LostSponsor = エグゼクティブスポンサーの喪失
barrier-MissingFeature = 製品機能の欠損
barrier-QualityIssue = 製品品質または性能上の問題
barrier-NotAFit = 製品が最適でない

## The parts of the health score.

health-part-Usage = 利用状況
health-part-Quality = 品質
health-part-Sentiment = センチメント
health-part-Financial = 財務状況
health-part-Nps = NPS
health-part-Csat = CSAT
health-part-Engagement = エンゲージメント
health-part-Outcomes = 成果

## Company risks.

company-risk-BudgetCut = 財務状況が悪化し、予算が削減された
company-risk-ChampionLeaves = チャンピオンが退職した
company-risk-Merger = 他社に合併された

## Health bands.

band-Red = 赤
band-Yellow = 黄
band-Green = 緑

## Inbound requests (1.4).

request-Technical = 技術的な問題（何かが壊れている、または遅い）
request-HowTo = 設定・連携・展開の支援
request-Commercial = ライセンス、請求書、見積もり
request-Strategic = 成果が順調かどうかのスポンサーからの確認

## Inbound requests, as a table column.

request-short-Technical = 技術
request-short-HowTo = ハウツー
request-short-Commercial = 契約・請求
request-short-Strategic = 戦略

## The teams a request is handed to.

team-Csm = CSM
team-Support = サポート
team-Services = サービス
team-AccountManager = アカウントマネージャー

## Gaps users tell of.

gap-Tools = ツールのギャップ（連携やツールが整っていない）
gap-Processes = プロセスのギャップ（製品を使うようにワークフローが変わっていない）
gap-Staff = スタッフのギャップ（人員が足りない、またはスキルがない）

## Gaps, as a table column.

gap-short-Tools = ツール
gap-short-Processes = プロセス
gap-short-Staff = スタッフ

## Why an action cannot be planned.

blocker-ScenarioOver = シナリオは終了しました
blocker-UnknownCustomer = 該当する顧客がいません
blocker-UnknownSegment = 該当するセグメントがありません
blocker-NotYetACustomer = 契約がまだ始まっていません
blocker-Churned = この顧客は解約済みです
blocker-NeedsCustomerTarget = 1対1のアクションです。顧客を選んでください
blocker-NeedsSegmentTarget = 1対多のアクションです。セグメントを選んでください
blocker-AlreadyPlanned = 今四半期、この対象にはすでに計画済みです
blocker-OverBudget = 今四半期の CSM 残り時間が足りません
blocker-NeedsSuccessPlan = 3 要素以上のサクセスプランが必要です (2.7)
blocker-NeedsCurrentPlan = QBR には、今四半期か前四半期にレビューした 5 要素以上のサクセスプランが必要です (4.4)
blocker-NeedsSponsor = 面談するエグゼクティブスポンサーが必要です (4.3.a)
blocker-SponsorGone = エグゼクティブスポンサーが顧客企業を去ったため、面談する相手がいませんでした (3.4.b)
blocker-NoKnownSponsorLoss = 把握している限り、スポンサーは在任しています。先に喪失を確認してください (3.3.b)
blocker-NeedsRiskAnalysis = 先にこの契約期間の更新作業として、更新リスク分析を行う必要があります (5.5)
blocker-NoNewOutcome = 前回の記録以降に達成されたビジネス成果がありません
blocker-PastAdoption = この顧客はすでにオンボーディングと活用の段階を過ぎています
blocker-ProposedThisTerm = この種類の拡張は、この契約期間中にすでにこの顧客へ提案済みです (5.2)
blocker-ExpansionDoorClosed = 顧客は最近、提案を断りました（合わなかった提案なら契約期間の終わりまで）。まず価値を示してください (5.2)
blocker-NoDecline = 前四半期のヘルススコアの低下が 2 ポイント未満のため、読み解くべき低下がありません (2.6)
blocker-NoOpenRequest = この顧客には、今四半期に引き継ぐ未対応の依頼がありません (1.4)
blocker-HoursInUse = この引き継ぎで空いた時間は、ほかの作業に計画済みです。先にその一部を削除してください
blocker-NotPlanned = その番号の計画済みアクションはありません
blocker-AdvocacyGiven = この顧客はすでにこの形の支持を提供済みです。別の形を依頼してください (4.6)
blocker-NeedsChampion = この顧客には講演するチャンピオンがいません。先にチャンピオンを見つけてください (2.2)

## The actions: name, what each needs, what each does.

action-ReviewAccountData = アカウントデータのレビュー
action-about-ReviewAccountData = テレメトリ、消費データ、サポートデータを読み、バリアの兆候を探します。実装の行き詰まり、品質の問題、製品の不適合を、その兆候がデータに現れた時点（発生の 1 四半期後）で発見します。
action-StakeholderConversation = ステークホルダーとの会話
action-about-StakeholderConversation = 顧客の担当者と話します。スポンサーの離任、機能の欠損、製品の不適合を知る最も確実な方法です。センチメントも少し上がります。
action-SiteVisit = 顧客の観察
action-about-SiteVisit = 顧客が製品をどう使っているかを観察します。実装の行き詰まりと製品の不適合を発見できます。
action-BuildSuccessPlan = サクセスプランの作成
action-about-BuildSuccessPlan = 製品、ステークホルダーの役割、ビジネス成果（検証できるのはエグゼクティブスポンサーがいる場合のみ）、重要な成功要因、KPI、最初に狙うユースケース（チャンピオンから聞いていればそのユースケース）、RACI を書き出します。
action-ReviewSuccessPlan = サクセスプランのレビュー
action-needs-ReviewSuccessPlan = 3 要素以上のサクセスプラン
action-about-ReviewSuccessPlan = 顧客とプランを見直して最新に保ちます。スポンサーと成果を再検証し、チャンピオンが挙げたユースケースに合わせて、また担当者が変わったときは RACI も修正します。
action-AdoptionPlan = 導入計画
action-needs-AdoptionPlan = まだ活用段階を過ぎていない顧客
action-about-AdoptionPlan = 導入計画、優先的な成功の注力点、価値実現までのタイムライン、機能マトリックスを合意します。注力点はサクセスプランの成果です。顧客が望む成果に向けていれば展開と最初の成果が早まりますが、成果が未記入か誤っていると進み方は半分になります。
action-Training = 製品トレーニング
action-about-Training = ユーザーをトレーニングします。利用率が上がり、使われる機能が増え、ユーザーの満足度が高まります。
action-Qbr = 四半期サクセスレビュー（QBR）
action-needs-Qbr = 5 要素以上の最新のサクセスプランと、面談するエグゼクティブスポンサー
action-about-Qbr = 意思決定者に実現した価値を示し、成果を検証します。成果が達成されていれば拡張機会を引き出します。
action-CaptureSuccess = 成功の瞬間を捉える
action-needs-CaptureSuccess = 前回の記録以降に達成されたビジネス成果
action-about-CaptureSuccess = 達成した成果をステークホルダーとともに祝います。
action-PhasedReplan = 段階的なマイルストーンで再計画
action-about-PhasedReplan = 実装の行き詰まりへの対応です。顧客が達成できる小さなマイルストーンに分けます。
action-EngageServices = サービスまたはパートナーの投入
action-about-EngageServices = 専門家が実装の行き詰まりを解消します。
action-ExecutiveEscalation = エグゼクティブエスカレーション
action-about-ExecutiveEscalation = 実装の行き詰まりや品質危機について、ベンダー社内でエスカレーションします。必要のないときに使うと信頼を損ないます。
action-FindNewSponsor = 新しいスポンサーを見つけて説明
action-needs-FindNewSponsor = エグゼクティブスポンサーの喪失が判明していること
action-about-FindNewSponsor = スポンサーの喪失への対応です。チャンピオンが味方にいると容易になります。
action-ExecutiveAlignment = エグゼクティブ同士の連携
action-about-ExecutiveAlignment = 自社の経営層が顧客の経営層と会います。失ったスポンサーの後任探しに役立ち、現在のスポンサーとの関係も強化します。
action-FeatureRequest = ビジネスユニットへの機能要望
action-about-FeatureRequest = 欠けている機能を、顧客のビジネスケースを添えて製品チームに伝えます。
action-Workaround = 回避策の設計
action-about-Workaround = 機能が欠けている間、別の方法でニーズを満たします。
action-EscalateToSupport = サポートとエンジニアリングへのエスカレーション
action-about-EscalateToSupport = 品質や性能の問題の根本原因を分析します。
action-RecoveryPlan = 品質回復計画
action-about-RecoveryPlan = 品質危機の間、定期的な状況報告を伴う回復計画を進めます。
action-RescopeUseCases = 適合するユースケースへの再スコープ
action-about-RescopeUseCases = 製品が最適でない場合の対応です。製品がうまく対応できるユースケースに絞ります。
action-RenewalRiskAnalysis = 更新リスク分析
action-about-RenewalRiskAnalysis = 更新作業を始めます。更新日に向けて、ヘルス、スポンサー、バリア、利用状況を確認します。1 四半期以上（90 日以上）前に行うのが最適です。
action-MitigationPlan = リスク軽減計画
action-needs-MitigationPlan = この契約期間中の更新リスク分析
action-about-MitigationPlan = 更新リスクごとに、顧客と対策を合意します。
action-TransitionPlan = 誠実な移行計画
action-about-TransitionPlan = 顧客とともに契約を適正な規模に見直します。突然のチャーンではなく、ダウンセルにとどめます。
action-ProposeAdditionalFeatures = 追加機能の提案
action-about-ProposeAdditionalFeatures = 機能による拡張です。ほとんどの機能がすでに使われていれば成約します（ARR +10%）。
action-ProposeNewUseCases = 新しいユースケースの提案
action-about-ProposeNewUseCases = ユースケースによる拡張です。プランにユースケースがあり、成果が達成されていれば成約します（ARR +15%）。
action-ProposeAdditionalUserGroups = 追加のユーザーグループの提案
action-about-ProposeAdditionalUserGroups = ライセンスによる拡張です。利用率が高ければ成約します（ARR とライセンス +20%）。
action-ProposeNewSolution = 新しいソリューションの提案
action-about-ProposeNewSolution = 別の製品をクロスセルします。成果が 2 つ達成され、スポンサーが好意的なら成約します（ARR +30%）。
action-ProposeChangeManagement = 変更管理サービスの提案
action-about-ProposeChangeManagement = 人々の活用を助けるサービスです。活用が遅れていて、スポンサーが後押しすれば成約します（ARR +8%）。
action-AdvocacyRequest = リファレンスの依頼
action-about-AdvocacyRequest = 見込み客や同業者からのリファレンスコールに応じてもらうよう顧客に依頼します。プロモーターには歓迎されますが、不満を持つ顧客に頼むと逆効果です。リファレンスは、同じセグメントの他の顧客の購入を後押しします。
action-CaseStudy = ケーススタディの依頼
action-about-CaseStudy = 達成した成果とその測定結果を、顧客とともにまとめます。成果を達成したプロモーターが必要で、結果が出る前に頼むと逆効果です。同業者への実例として 2 倍の効果があります。
action-UserGroupTalk = ユーザーグループでの講演を依頼
action-needs-UserGroupTalk = 講演するチャンピオン
action-about-UserGroupTalk = チャンピオンがチームの取り組みを他の顧客に発表します。プロモーターには歓迎され、チャンピオンとユーザーの好感度も高まります。
action-AdoptionCampaign = 利活用キャンペーン（セグメント）
action-needs-AdoptionCampaign = 対象となるセグメント
action-about-AdoptionCampaign = セグメント全体に向けた 1対多の利活用キャンペーンです。利用率が高い顧客で拡張機会を引き出します。
action-OneToManyTraining = ウェビナートレーニング（セグメント）
action-needs-OneToManyTraining = 対象となるセグメント
action-about-OneToManyTraining = セグメント内のすべての顧客に向けた、録画トレーニングとウェビナーです。
action-DigitalRenewalOutreach = デジタル更新アウトリーチ（セグメント）
action-needs-DigitalRenewalOutreach = 対象となるセグメント
action-about-DigitalRenewalOutreach = 2 四半期以内に更新を迎えるセグメント内のすべての顧客に、更新 90/60/30 日前の自動タッチポイントを届けます。
action-HandToSupport = 依頼をサポートに引き継ぐ
action-needs-HandToSupport = 未対応の顧客からの依頼
action-about-HandToSupport = 顧客の依頼についてサポートケースを起票し、サポートとエンジニアリングに対応を任せます。何かが壊れている、または遅い場合に適しています。ケースから背後にある品質の問題がわかることもあります。依頼に取られるはずだった時間が空きます。
action-HandToServices = 依頼をサービスに引き継ぐ
action-needs-HandToServices = 未対応の顧客からの依頼
action-about-HandToServices = 依頼をプロフェッショナルサービスまたはパートナーに渡します。設定、連携、展開の支援に適しています。展開の行き詰まりに気づいてもらえることもあります。依頼に取られるはずだった時間が空きます。
action-HandToAccountManager = 依頼をアカウントマネージャーに引き継ぐ
action-needs-HandToAccountManager = 未対応の顧客からの依頼
action-about-HandToAccountManager = 依頼をベンダーのアカウントマネージャーに渡します。ライセンス、請求書、見積もりに適しています。依頼に取られるはずだった時間が空きます。

## Use cases a plan targets first (2.8).

use-case-AutomateWorkflows = 手作業のワークフローの自動化
use-case-Reporting = 業務のレポートと分析
use-case-SelfService = 顧客のユーザー向けのセルフサービス
use-case-Integration = 業務を支えるシステムの連携
use-case-Monitoring = セキュリティとコンプライアンスの監視
use-case-EveryFeature = 全機能の一斉展開（ベンダーの標準ロールアウト）

## Business outcomes a plan aims at (2.3).

outcome-ReduceCost = 運用コストの削減
outcome-GrowRevenue = 収益の拡大
outcome-ReduceRisk = リスクの低減とコンプライアンスの維持
outcome-RaiseProductivity = 従業員の生産性の向上
outcome-ImproveExperience = 顧客自身の顧客の体験向上
outcome-LicencesActivated = すべてのライセンスのアクティベート
outcome-FeaturesAdopted = すべての機能の活用

## The KPI each outcome is measured by (2.4).

kpi-ReduceCost = ベースライン比の取引あたりコスト
kpi-GrowRevenue = ベースライン比の顧客あたり収益
kpi-ReduceRisk = ベースライン比の監査指摘とインシデント
kpi-RaiseProductivity = ベースライン比のプロセスあたり所要時間
kpi-ImproveExperience = ベースライン比の顧客自身の NPS
kpi-LicencesActivated = アクティブなライセンスの割合
kpi-FeaturesAdopted = 使用中の機能の割合

## The people around an account (2.2).

role-ExecutiveSponsor = エグゼクティブスポンサー
role-Champion = チャンピオン
role-Users = ユーザー
role-AccountManager = アカウントマネージャー

## What drives a health decline (2.6).

driver-Usage = 利用状況
driver-Quality = 品質
driver-Sentiment = センチメント
driver-Finances = 財務状況

## The families of actions.

family-Discover = 状況把握
family-Plan = サクセスプラン
family-Adopt = オンボーディングと活用
family-Review = レビュー
family-Remedy = バリアへの対処
family-Renew = 更新
family-Grow = 拡張とアドボカシー
family-OneToMany = 1対多
family-Reactive = 依頼への対応

## The elements of a success plan (2.1–2.10).

plan-element-Products = 購入製品（2.1）
plan-element-StakeholderRoles = ステークホルダーの役割（2.2）
plan-element-ValidatedOutcomes = 検証済みのビジネス上の成果（2.3）
plan-element-CriticalSuccessFactors = 重要な成功要因（2.4）
plan-element-Kpis = KPI と指標（2.10）
plan-element-UseCases = ターゲットを絞ったユースケース（2.8）
plan-element-Raci = RACI（2.9）

## How a barrier came to light (3.2, 3.3).

how-Known = 当初から判明していました
how-Data = アカウントデータから発見しました
how-Conversation = ステークホルダーとの会話で発見しました
how-Observation = 顧客の観察で発見しました
how-Process = 体系的なレビューで発見しました
how-CustomerEscalation = 顧客がエスカレーションしました
how-AccountManager = アカウントマネージャーが報告しました
how-HealthReading = ヘルススコアの低下の要因を読み取って発見しました
how-SupportCase = CSM が引き継いだサポートケースの対応中に、サポートが発見しました
how-ServicesTeam = CSM が引き継いだ依頼への対応中に、サービスが発見しました

## A team at the start of a sentence.

team-first-Csm = CSM
team-first-Support = サポート
team-first-Services = サービス
team-first-AccountManager = アカウントマネージャー

## Forms of advocacy (4.6), and how lists are joined.

advocacy-reference = リファレンス
advocacy-case-study = ケーススタディ
advocacy-talk = ユーザー会での講演
list-separator = 、

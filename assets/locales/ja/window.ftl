# The desktop window. Arguments are given as $name; Japanese has one plural form, so counts are
# written once with the number. Terms follow the Japanese exam blueprint (shared/seeds/000_*).

window-title = csm-sim — カスタマーサクセス演習
no-display = csm-sim: ウィンドウを開くディスプレイがありません（DISPLAY が設定されていません）。ターミナルで `csm-sim play` を使ってプレイしてください
no-graphics-driver = csm-sim: ウィンドウに使えるグラフィックドライバーがありません（Vulkan または OpenGL のドライバーをインストールしてください）。ターミナルで `csm-sim play` を使ってプレイしてください
no-usable-display = csm-sim: ウィンドウに使えるディスプレイがありません（DISPLAY と X11 ライブラリを確認してください）。ターミナルで `csm-sim play` を使ってプレイしてください
language-choice = プログラムの表示言語です。シナリオの文章は作成者が書いたままの言語で表示されます。
theme-light = ライト
theme-dark = ダーク
theme-why = ライトまたはダークの配色（次回のために保存されます）

## Words used in many places.

ok = OK
dismiss = 閉じる
problem = 問題: { $error }
choose = 選択…
portfolio = ポートフォリオ
the-portfolio = ポートフォリオ
quarter-short = Q{ $quarter }
quarter-of = 第 { $quarter } 四半期（全 { $quarters } 四半期）
count-quarters = { $count } 四半期
names-and-more = { $names } ほか { $count } 社
saved-to = { $path } に保存しました
could-not-save = 保存できませんでした: { $error }
could-not-save-study = 学習記録を保存できませんでした: { $error }
could-not-save-settings = 設定を保存できませんでした: { $error }
seed-not-a-number = シードは整数で指定してください（「{ $seed }」は整数ではありません）

## The start screen.

start-title = csm-sim — カスタマーサクセスマネジメントの演習
start-subtitle = Cisco Customer Success Manager 試験（820-605）に準拠しています。
builtin-scenarios = 組み込みシナリオ
open-scenario-file = またはシナリオファイルを開く
button-open = 開く
resume-session = 保存したセッションを再開
button-resume = 再開
join-class = クラスに参加
join-address = アドレス
join-code = コード
join-name = 名前
button-join = 参加
scenario-facts = { $difficulty } · { $quarters } 四半期 · 顧客 { $customers } 社 · 1 四半期あたり CSM { $hours } 時間
exam-objectives = 試験項目: { $objectives }
seed = シード
button-start = 開始
scenario-not-loaded = このシナリオを読み込めませんでした。上のメッセージを確認してください。

## The top bar.

scenario-over = シナリオ終了
card-arr = 四半期開始時の ARR
card-arr-end = 終了時の ARR
card-atr = 今四半期の ATR（更新 { $count } 件）
card-band = ヘルスが{ $band }の顧客
hours-left = CSM の残り時間
hours-of = { $left } / { $capacity } 時間
hours-reserved = 顧客からの依頼のために { $hours } 時間を確保中
hours-reserved-why = 引き継がなかった依頼は、四半期末にこの時間を消費します (1.4)
button-portfolio = ポートフォリオ (P)
button-end-quarter = 四半期を終了 (E)
button-debrief = 振り返り
button-save = 保存
button-save-why = セッションは変更のたびに自動でも保存されます
text-larger = 文字を大きく (+)
text-smaller = 文字を小さく (−)
text-scale = 倍率 { $percent }%

## A class.

class-ranking = クラスの順位
ranking-rank = #
ranking-seat = 席
ranking-quarter = 四半期
ranking-nrr = NRR
ranking-readiness = 準備度
ranking-scorecard = スコアカード
no-ranking = 順位を表示できません: { $error }
class-joined = 「{ $name }」としてクラスに参加しました。ゲームは { $path } に保存され、各四半期末に同期されます。
class-message = 講師からのメッセージ: { $message }
class-news = クラスからのお知らせ: { $news }
class-held = 講師がクラスを第 { $quarter } 四半期で止めています。再開を待ってください（計画は保持されます）。
class-synced = クラスと同期しました（第 { $quarter } 四半期）。
class-not-synced = クラスと同期できませんでした: { $error }。ゲームはこの端末に保存されており、次の四半期末にクラスへ送られます。

## The portfolio.

show = 表示
filter-all = すべて
filter-at-risk = リスクあり
filter-renewing-soon = 更新間近
filter-health-fell = ヘルス低下 ({ $count })
filter-requests = 依頼 ({ $count })
filter-segment = セグメント { $segment }
search = 検索
declines-to-read = 前四半期に { $fell } 社でヘルススコアが低下しました。うち { $unread } 社は未確認です。顧客を開き、低下の要因を判断してください (2.6)。
requests-waiting = 顧客からの依頼 { $count } 件が、引き継がない限りあなたの時間を { $hours } 時間消費します。顧客を開いて対応するチームに引き継ぐか、自分で対応してください (1.4)。
rows-some = { $matching } 社中 { $shown } 社を表示（ID 順の先頭から）。絞り込みか検索で対象を狭めてください
rows-all = { $shown } 社を表示
col-customer = 顧客
col-segment = セグメント
col-touch = タッチ
col-arr = ARR
col-bought-as = 購入形態
col-stage = ステージ
col-renews = 更新
col-health = ヘルス
col-trend = 推移
col-flags = リスクフラグ
col-request = 依頼
renews-churned = 解約済み
renews-starts = Q{ $quarter } に契約開始
renews-after-scenario = シナリオ終了後
renews-now = 今四半期
renews-in = { $quarters ->
    [1] 次の四半期
   *[other] { $quarters } 四半期後
}
flag-health-fell = ヘルス低下
trend-why = 各四半期の開始時と終了時のヘルス: { $scores }
sorted-high-first = （高い順）
sorted-low-first = （低い順）
gap-short = { $gap }のギャップ
request-handed-short = { $request }（引き継ぎ済み）
request-hours-short = { $request } { $hours } 時間
coach = コーチ
coach-why = 今四半期に注意すべき点を一覧表示します。コーチを有効にしていた時期は振り返りに記録されます。
coach-class = クラスは試験と同じ条件で行うため、コーチは使えません。
coach-nothing = 計画でまだ扱っていない要注意事項はありません。
coach-heading = 今四半期に注意すべきで、まだ計画に入っていないこと
coach-more = …ほか { $count } 社: これらも計画に入れるか、ポートフォリオを絞り込んで残りを確認してください
quarter-plan = 今四半期の計画
nothing-planned = まだ何も計画していません。顧客を開いてアクションを選ぶか、下の 1対多アクションを実行してください。
planned-line = { $number }. { $action } — { $target } [{ $objectives }]
remove = 削除
cannot-remove = 削除できません: { $reason }。
one-to-many = セグメント向けの 1対多アクション
segment-touch = { $segment }（{ $touch }）
one-to-many-line = { $action } — { $hours } 時間 [{ $objectives }]:

## A customer's page.

back-to-portfolio = ポートフォリオに戻る
health-score = ヘルス { $score }（{ $band }）
customer-facts = { $industry } · { $size } · { $touch } · セグメント { $segment } · ARR { $arr }（MRR { $mrr }） · ライセンス { $licences }（アクティブユーザー { $users }） · { $stage } · Q{ $renews } 末に更新{ $auto ->
    [yes] （自動更新）
   *[no] {""}
}
bought-as = 購入形態: { $model }
stakeholders = ステークホルダー
stakeholder-sentiment = { $role }: センチメント { $sentiment }
stakeholder-gone = { $role }: 離任
plan-elements = サクセスプラン: 7 要素中 { $count } 要素、{ $current ->
    [yes] 最新
   *[no] 最近レビューされていません
}
plan-missing = 不足: { $missing }
write-outcome = プランの成果を記入:
target-first = 最初に狙うユースケース:
health-by-component = 構成要素別のヘルス（スコア { $score }、前四半期 { $before }）
delta-on-quarter = 前四半期比 { $delta }
what-drives-decline = 低下の要因は？（1 時間）
read-as = あなたの判断: { $driver }。四半期末に答え合わせをします。
inbound-request = 顧客からの依頼
request-handed = { $request } — 今四半期に{ $team }へ引き継ぎました (1.4)。
request-waiting = { $request }{ $bounces ->
    [0] {""}
   *[other] （担当違いのチームから差し戻し { $bounces } 回）
}。対応するチームに引き継がない限り、今四半期の時間を { $hours } 時間消費します。CSM にしか答えられない依頼は自分で対応してください (1.4)。
hand-it-to = 引き継ぎ先:
hand-support = サポート
hand-services = サービス
hand-account-manager = アカウントマネージャー
or-keep-it = または自分で対応
gap-in-baseline = ベースラインのギャップ
gap-found = { $gap }（{ $objective }、Q{ $quarter } に発見）: 解消するまで展開を遅らせ、活用を妨げ、更新にも響きます (2.5)。
known-barriers = 既知のバリア
none-found = 見つかっていません
known-barrier = { $barrier }（{ $objective }、{ $category }）— 深刻度 { $severity }%、Q{ $since } から、{ $resolved }% 解消
growth = 成長
expansion-in-plan = 拡張機会があり、スポンサーとともにサクセスプランに記載済みです (5.4)。
expansion-open = 拡張機会があります (5.2)。スポンサーとプランをレビューすると、サクセスプランに記載されます (5.4)。
advocate = 支持者: { $forms } — セグメント内の他の顧客に向けた、同業者による実例になります (4.6)。
signals-over-quarters = 四半期ごとのシグナル（測定値）
chart-health = ヘルス（0〜100）
chart-utilisation = 利用率 %（0〜100）
chart-nps = NPS（−100〜100）
chart-csat = CSAT（1〜5）
act = アクション
hours-left-quarter = 今四半期の CSM 残り時間: { $hours } 時間
action-hours = { $action } — { $hours } 時間
history = 履歴

## The end of a quarter.

what-happened = 第 { $quarter } 四半期の結果
quarter-summary = ARR { $start } → { $end }、チャーン { $churned }、縮小 { $contraction }、拡張 { $expansion }。四半期 GRR { $grr }%、NRR { $nrr }%。ヘルス 赤 { $red }、黄 { $yellow }、緑 { $green }
nothing-seen = 目に見える出来事はありませんでした。
health-moves = ヘルスの変化
health-move = { $name }: ヘルス { $from } → { $to } ({ $band_from } → { $band_to }, 2.6)
decisions-judged = あなたの判断の評価
judged-rule = { $explanation } [{ $objectives }] — { $count ->
    [1] {""}
   *[other] { $count } 回:{" "}
}{ $names }
well-done = よかった点:
do-differently = 改善すべき点:
knowledge-check = 理解度チェック { $number } [{ $objectives }]
answer = 回答
see-debrief = 振り返りを見る (N)
next-quarter = 次の四半期へ (N)

## The debrief.

debrief-title = 振り返り: { $title }
debrief-meta = シナリオ { $scenario }、シード { $seed }、{ $quarters } 四半期をプレイしました。
business-results = 業績
card-end-arr = 終了時の ARR（開始時 { $start }）
card-churned = チャーンした ARR（{ $customers } 社中 { $lost } 社）
card-expansion = 拡張 ARR
card-time-to-value = 価値実現までの平均期間
time-to-value = { $quarters } 四半期
card-readiness = 試験準備度
debrief-outlook = 更新の見通し: シナリオの後も、すべての契約は再び更新を迎えます。現状のままでは、開始時の顧客の ARR { $pending } のうち、その更新で { $expected } が残る見込みです。この見通しを含めた NRR は { $nrr } です (1.8.c)。
target-col-target = 目標
target-col-goal = 目標値
target-col-result = 実績
target-col-met = 達成？
target-met = ✔ 達成
target-missed = × 未達
chart-arr = 各四半期末の ARR
chart-bands = 各四半期末のヘルス（赤・黄・緑）別の顧客数
chart-start = 開始時
exam-readiness = 試験準備度 { $percent }%
readiness-why = 評価された判断と回答から求めた、試験 820-605 の分野ごとの習熟度です。試験と同じ配分で重み付けしています。根拠のない分野は「まだ示されていません」として数え、根拠が少なければ、その分だけ低く数えます。
study-next = 次に学習する項目
study-mistakes = {" "}— 誤り { $count } 件
judged-differently-count = 改善すべき点（{ $count } 件）
judged-well-count = よかった点（{ $count } 件）
judged-kind = { $explanation } [{ $objectives }] — { $count } 回
judged-place = Q{ $quarter } { $customer }
judged-kinds = { $count } 種類
judged-more-kinds = ほか { $count } 種類
checks-heading = 理解度チェック: { $total } 問中 { $right } 問正解
check-line = Q{ $quarter } [{ $objectives }] { $prompt }
check-right = 正解: { $answer } — { $explanation }
outcomes-heading = 何が起き、なぜそうなったか
routine-renewals = 通常どおりの更新 { $count } 件（更新確率 { $chance }% 以上、不利な要因なし、契約期間中のバリアなし）、四半期別: { $list }。
routine-quarter = Q{ $quarter } { $count } 件（{ $arr }）
exceptions = 例外: { $list }。
exception-kind = { $kind } { $count } 件（{ $arr }）
outcome-churned = チャーン
outcome-downsold = ダウンセル
outcome-expanded = 拡張
outcome-renewed = 更新
each-exception = 例外 { $count } 件とそれぞれの経緯
outcome-line = Q{ $quarter } { $customer }: { $kind } { $arr }
outcomes-not-listed = ほか { $count } 件はここに表示していません。
story-barrier-resolved = Q{ $began } にバリア「{ $barrier }」が発生（{ $objective }）、Q{ $at } に解消
story-barrier-known = Q{ $began } にバリア「{ $barrier }」が発生（{ $objective }）、すぐに判明したが未解消
story-barrier-found = Q{ $began } にバリア「{ $barrier }」が発生（{ $objective }）、Q{ $at } に発見したが未解消
story-barrier-never-found = Q{ $began } にバリア「{ $barrier }」が発生（{ $objective }）、最後まで発見されず
story-renewal-work = Q{ $quarter } に更新作業を開始
story-chance = 更新確率 { $chance }%
story-expansion = { $action }（{ $objectives }）
story-separator = {"。"}
report-file = レポートファイル
export-report = HTML レポートを書き出す
report-written = レポートを { $path } に書き出しました

## Questions, practice and the mock exam.

study-heading = 試験対策
last-mock-exam = 前回の模擬試験: { $percent }%（{ $passed ->
    [yes] 合格
   *[no] 不合格
}）。
study-progress = { $total } 問中 { $seen } 問に回答済み、{ $due } 問が復習時期です。{ $last }
domain = 分野
domain-all = すべて
practise-questions = { $count } 問を練習
mock-exam-button = 模擬試験: { $questions } 問、{ $minutes } 分
mock-exam = 模擬試験
practice = 練習
time-left = 残り { $time }
back-to-start = 最初の画面に戻る
quiz-result = { $answered } 問中 { $right } 問正解。間違えた問題は次回、最初に出題されます。
no-questions = この条件に合う問題はありません。
question-of = 問題 { $number } / { $total } · 分野 { $domain } · [{ $objectives }]{ $choose ->
    [1] {""}
   *[other] {" "}· { $choose } つ選択
}{ $note }
note-missed = {" "}· 前回不正解
note-review = {" "}· 復習
note-new = {" "}· 新規
answer-and-next = 回答して次へ
skip = スキップ
finish-and-mark = 終了して採点
next = 次へ
exam-marks = { $passed ->
    [yes] 合格
   *[no] 不合格
}: { $asked } 問中 { $right } 問正解（{ $percent }%）。合格ラインは { $pass }% です。
right-of = { $right } / { $asked }
review = 見直し
mark-right = 正解
mark-wrong = 不正解
mark-skipped = スキップ
mark-not-answered = 未回答
your-answer-right = あなたの回答（正解）
the-answer-was = 正解
your-answer-wrong = あなたの回答（不正解）
choose-n = { $choose } つ選択: { $chosen } つ選択済み
answer-right = 正解です。
answer-not-quite = 不正解です。
you-chose = あなたの選択: { $choice }
the-answer = 正解: { $choice }

## What the success plan aims at and what the CSM has learned (window and terminal).

plan-aims-at = 目標: { $outcome }（指標: { $kpi }）{ $vendor ->
    [yes] {" "}— 顧客ではなくベンダーの目標です（1.2）
   *[no] {""}
}
plan-aims-at-nothing = 目標: ビジネス上の成果はまだ記入されていません（2.3）
plan-sponsor-wants = スポンサーが望む成果: { $outcome }
plan-sponsor-unheard = スポンサーが望む成果: まだ聞いていません（ステークホルダーとの会話またはエグゼクティブ同士の連携で、2.3）
plan-account-manager = アカウントマネージャーのメモ（販売した内容）: { $outcome }（4.3.b）
plan-baseline = ベースライン: アカウントデータから測定済み（2.5）
plan-no-baseline = ベースライン: 未測定（アカウントデータをレビューしてください、2.5）
plan-use-case-untargeted = ユースケース: { $use_case } — 特に何も狙っていません（2.8）
plan-use-case-to-be-untargeted = ユースケース: { $use_case } として記入予定 — 特に何も狙っていません（2.8）
plan-use-case-not-champions = ユースケース: まず { $use_case } を狙う — チャンピオンが挙げたものではありません（2.8）
plan-use-case = ユースケース: まず { $use_case } を狙う（2.8）
plan-use-case-none = ユースケース: まだ記入されていません（2.8）
plan-raci-outdated = RACI: 退任したスポンサーまたはチャンピオンが記載されています。現在の担当者とプランをレビューしてください（2.9）
plan-raci-outdated-find = RACI: 退任したスポンサーまたはチャンピオンが記載されています。まず後任を見つけ、それからプランをレビューしてください（2.9）
plan-champion-shows = チャンピオンのユースケース: { $use_case }（業務がまず依存するもの、2.8）
plan-champion-unheard = チャンピオンのユースケース: まだ聞いていません（ステークホルダーとの会話または顧客の観察で、2.8）

## The coach (window and terminal).

coach-renewal = { $quarters ->
    [0] この四半期末に
   *[other] { $quarters } 四半期後に
}更新を迎えますが、更新の準備がまだ始まっていません（5.5）
coach-barrier = { $barrier }（{ $quarters ->
    [0] この四半期に発見
   *[other] { $quarters } 四半期前に発見
}）。まだどの対応も進展していません（{ $objective }）
coach-red-never = ヘルスが赤で、まだ一度も接触していません（3.3、2.6）
coach-red = ヘルスが赤で、{ $quarters } 四半期接触していません（3.3、2.6）
coach-request = 依頼が待っています: { $request }（1.4）
coach-digital = デジタルタッチの顧客 { $count } 社が { $quarters } 四半期以内に更新を迎えますが、更新の準備がされていません。1対多の更新アウトリーチならセグメント全体に届きます（1.9.c、5.5）

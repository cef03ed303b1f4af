# The terminal game, `csm-sim play`. Arguments are given as $name; Japanese has one plural form,
# so counts are written once with the number. Columns are padded by display width, so a
# translation may be longer or shorter. Terms follow window.ftl and labels.ftl.

percent = { $value }%
never = なし
not-yet = 未実現
not-started = 未着手
nothing = なし
since-quarter = Q{ $quarter } から
band-red-loud = 赤!
or-between = {" "}または{" "}
did-you-mean = {" "}{ $list } のことですか？
col-id = ID
col-name = 名前
col-renew = 更新

## Starting, saving and leaving.

play-resumed = { $path } を第 { $quarter } 四半期から再開しました（{ $actions } 件のアクションを再実行）。
play-joined = 「{ $name }」としてクラスに参加しました（席 { $seat }）。ゲームは { $path } に保存され、各四半期末にクラスと同期されます。
play-stopped-saved = csm-sim: ゲームが停止しました（{ $error }）。停止の前に { $path } へ保存しました
play-stopped-unsaved = csm-sim: ゲームが停止しました（{ $error }）。保存もできませんでした: { $save_error }
play-saved = { $path } に保存しました（`csm-sim play --resume { $resume }` で再開できます）。
play-save-failed = 保存できませんでした: { $error }。以前の保存データがあれば、そのまま残っています。`save OTHER-FILE` を試してください。
play-leave-unsaved = csm-sim: セッションを { $path } に保存できませんでした。作業を保存せずに終了します
play-study-unread = 回答は学習記録に反映されません: { $error }
play-intro = { $quarters } 四半期、顧客 { $customers } 社、1 四半期あたり CSM { $hours } 時間です。`help` と入力するとコマンドの一覧を表示します。
play-objectives = 練習する試験項目: { $objectives }
play-over = シナリオは終了しました。
play-debrief-written = 振り返りを { $html }（ブラウザーで開いてください）と { $json } に書き出しました。
play-debrief-failed = 振り返りを書き出せませんでした: { $error }

## The quarter's status line and what waits.

play-status = — 第 { $quarter } 四半期（全 { $quarters } 四半期） — ARR { $arr }   今四半期の ATR { $atr }   GRR { $grr }   NRR { $nrr }   CSM の残り時間 { $left } / { $capacity } 時間
play-status-over = — 全 { $quarters } 四半期を終了 — ARR { $arr }   GRR { $grr }   NRR { $nrr }
play-requests-waiting = 顧客からの依頼は、引き継がない限りあなたの時間を { $hours } 時間消費します: { $list }{ $more ->
    [yes] , …
   *[no] {""}
}。それぞれ対応するチームに引き継ぐ（`hand CUSTOMER support|services|account-manager`）か、自分で対応してください (1.4)。
play-declines = 前四半期に { $count } 社でヘルススコアが低下しました: { $list }{ $more ->
    [yes] , …
   *[no] {""}
}。それぞれの低下の要因は何でしょうか？ `show CUSTOMER` で確認し、`read CUSTOMER usage|quality|sentiment|finances` で判断してください (2.6)。

## Commands and what they answer.

play-which-customer = どの顧客ですか？ ID か名前（`portfolio` を参照）、または #番号 を指定してください。
play-no-customer = 顧客「{ $customer }」は見つかりません。ID（`portfolio` を参照）または #番号 を指定してください。
play-unknown-command = 不明なコマンド「{ $command }」です。{ $suggestion } `help` と入力するとコマンドの一覧を表示します。
play-usage-do = 使い方: do ACTION CUSTOMER|SEGMENT（ID は `actions` で確認できます）
play-usage-undo = 使い方: undo N（N は `plan` で表示される番号）
play-usage-coach = 使い方: coach [on|off]
play-usage-portfolio = 使い方: portfolio [risk|renewing|SEGMENT] [by health|arr|renewal]
play-usage-outcome = 使い方: outcome CUSTOMER OUTCOME
play-usage-use-case = 使い方: usecase CUSTOMER USE_CASE
play-usage-hand = 使い方: hand CUSTOMER TEAM。TEAM は support、services、account-manager のいずれかで、顧客からの依頼に対応するチームです (1.4)
play-usage-read = 使い方: read CUSTOMER DRIVER。DRIVER は usage、quality、sentiment、finances のいずれか (2.6.a–d) で、前四半期に顧客のヘルススコアを下げた要因です
play-removed = { $action } を削除しました。
play-no-planned = 計画済みアクション { $number } はありません。
play-not-in-class = このゲームはクラスでプレイしていません。
play-held = 講師がクラスを第 { $quarter } 四半期で止めています。再開を待ってから（計画は保持されます）、もう一度 `end` を入力してください。
play-coach-class = クラスのセッションではコーチは使えません。クラスは試験と同じ条件で行います。
play-coach-on = コーチは有効です。各四半期の開始時に注意すべき点を一覧表示し、振り返りにはコーチの助けを得たことが記録されます。
play-coach-off = コーチは無効です。`coach` と入力すれば一覧を表示できます。一覧を表示した四半期は、振り返りでコーチを使った四半期として数えられます。
play-coach-nothing = コーチ: 計画でまだ扱っていない要注意事項はありません。
play-coach-heading = コーチ — 今四半期に注意すべきで、まだ計画に入っていないこと:
play-coach-more = …ほか { $count } 社: `coach` ですべて表示します
play-outcomes = サクセスプランで目指せるビジネス成果 (2.3, 2.10):
play-no-outcome = ビジネス成果「{ $outcome }」はありません。
play-outcome-written = { $customer } のサクセスプランが目指す成果を「{ $outcome }」にしました。測定指標は { $kpi } です。サクセスプランを作成してもこの内容は引き継がれ、スポンサーとのレビューで検証されるか、正しく修正されます。
play-cannot-write = 記入できません: { $reason }。
play-use-cases = サクセスプランで最初に狙えるユースケース (2.8):
play-no-use-case = ユースケース「{ $use_case }」はありません。
play-use-case-written = { $customer } のサクセスプランで最初に狙うユースケースを「{ $use_case }」にしました。サクセスプランを作成してもこの内容は引き継がれます。チャンピオンがユースケースを挙げた後は、プランのレビューで正しく修正されます。
play-no-team = チーム「{ $team }」はありません。
play-handed = 計画しました: { $action }（{ $customer }、{ $hours } 時間。依頼に取られるはずだった { $freed } 時間が空きます）。残り { $left } 時間。
play-cannot-hand = 引き継げません: { $reason }。
play-cannot-read = 読み取れません: { $reason }。
play-no-driver = 要因「{ $driver }」はありません。
play-read = { $customer } の低下の要因を「{ $driver }」（{ $objective }）と判断しました{ $hours ->
    [0] 。以前の判断と置き換えます
    [1] 。所要時間は { $hours } 時間です
   *[other] 。所要時間は { $hours } 時間です
}。四半期末にダッシュボードと照合されます。判断が正しければ、その背後にある原因に目を向けられます。
play-knowledge-check = 理解度チェック { $number } / { $total } [{ $objectives }]:
play-cannot-sort = 「{ $key }」では並べ替えられません。health（ヘルスの低い順）、arr（ARR の大きい順）、renewal（更新の近い順）のいずれかで並べ替えてください。
play-no-filter = 絞り込み条件またはセグメント「{ $filter }」はありません。`portfolio risk`（ヘルスが赤または黄）、`portfolio renewing`（2 四半期以内に更新）、またはセグメントを指定してください: { $segments }。
play-no-match = 該当する顧客はいません。
play-more-rows = …ほか { $count } 社。`portfolio risk`、`portfolio renewing`、またはセグメント ID で絞り込んでください。

## `show CUSTOMER`.

play-show-head = #{ $number } { $name }（{ $key }）— { $industry }、{ $size }、{ $touch }、セグメント { $segment }
play-show-contract = 契約: ARR { $arr }（MRR { $mrr }）、ライセンス { $licences }、{ $model }、製品: { $products }。Q{ $renews } 末に更新{ $auto ->
    [yes] （自動更新）
   *[no] {""}
}
play-show-lifecycle = ライフサイクル: { $stage }（この段階で { $quarters } 四半期）、展開 { $deployment }%、達成したビジネス成果 { $outcomes } 件、価値実現までの時間 { $ttv }
play-show-health = ヘルス: { $score }（{ $band }）— 構成要素別:
play-quarter-ago = 前四半期 { $before }
play-request-handed = 顧客からの依頼: { $request } — 今四半期に{ $team }へ引き継ぎました (1.4)。
play-request-waiting = 顧客からの依頼: { $request }{ $bounces ->
    [0] {""}
    [1] （担当違いのチームから差し戻し 1 回）
   *[other] （担当違いのチームから差し戻し { $bounces } 回）
}。`hand { $key } support|services|account-manager` で引き継がない限り、今四半期の時間を { $hours } 時間消費します (1.4)。
play-fell-read = スコアは { $before } から低下しました。あなたは低下の要因を「{ $driver }」と判断しました。四半期末に答え合わせをします (2.6)。
play-fell-unread = スコアは { $before } から低下しました。低下の要因は？ `read { $key } usage|quality|sentiment|finances` (2.6, 1 時間)
play-show-signals = シグナル（前四半期の測定値）: 利用率 { $utilisation }%（アクティブユーザー { $users }）、機能 { $features }/{ $features_total }、未解決の品質問題 { $quality } 件、サポートチケット { $tickets } 件、CSAT { $csat }、NPS { $nps }、財務状況 { $financial }%
play-stakeholders = ステークホルダー:
play-stakeholder-gone = { $role }（離任）
play-show-plan = サクセスプラン: 7 要素中 { $count } 要素、{ $current ->
    [yes] 最新
   *[no] 最近レビューされていません
}。不足: { $missing }
play-show-gap = ベースラインのギャップ: { $gap }（{ $objective }、Q{ $quarter } に発見）。解消するまで展開を遅らせ、活用を妨げ、更新にも響きます (2.5)
play-no-known-barriers = 既知のバリア: なし
play-known-barrier = 既知のバリア: { $barrier }（{ $objective }、{ $category } — { $category_objective }）、深刻度 { $severity }%、Q{ $since } から、Q{ $found } に発見、{ $resolved }% 解消
play-show-engagement = エンゲージメント: 最終接触 { $contact }、最終 QBR { $qbr }、更新作業 { $renewal }
play-with-mitigation = 、リスク軽減計画あり
play-with-expansion-in-plan = 、拡張機会あり（サクセスプランに記載済み）
play-with-expansion = 、拡張機会あり
play-with-advocacy = 、支持者（{ $forms }）

## `actions` and `plan`.

play-action-head = { $action }（{ $id }）— { $hours } 時間（ハイタッチの顧客の場合{ $segment ->
    [yes] 、セグメント全体で
   *[no] {""}
}） [{ $objectives }]
play-action-needs = 必要条件: { $needs }。
play-needs-segment = セグメントの指定が必要です
play-needs-customer = 顧客の指定が必要です
play-actions-foot = 時間はハイタッチの顧客 1 社の場合です。バーチャルタッチではその 60%、デジタルタッチでは 35% の時間がかかります。1対多のアクションは、セグメント全体で同じ時間です。`actions ACTION` で 1 つのアクションの詳細を、`actions CUSTOMER` でその顧客に計画できるアクションを表示します。
play-unknown-action = 不明なアクション「{ $action }」です。`actions` と入力するとアクションの一覧を表示します。
play-unknown-target = 不明な{ $segment ->
    [yes] セグメント
   *[no] 顧客
}「{ $target }」です。
play-planned = { $action } を計画しました（{ $hours } 時間、練習する項目 { $objectives }）。残り { $left } 時間。
play-cannot-plan = { $action } を計画できません: { $reason }。
play-nothing-planned = 今四半期はまだ何も計画していません。
play-hours-reserved = 計画済み { $planned } / { $capacity } 時間。引き継いでいない依頼のために { $reserved } 時間を確保中、残り { $left } 時間。
play-hours = 計画済み { $planned } / { $capacity } 時間。残り { $left } 時間。

## The end of a quarter.

play-nothing-seen = 目に見える出来事はありませんでした
play-quarter-summary = ARR { $start } → { $end }、チャーン { $churned }、縮小 { $contraction }、拡張 { $expansion }。四半期 GRR { $grr }、NRR { $nrr }。ヘルス 赤/黄/緑 { $red }/{ $yellow }/{ $green }

## `help`.

play-help =
    コマンド:
      portfolio [risk|renewing|SEGMENT]   顧客の一覧 (p)。ヘルスが赤/黄、2 四半期以内に更新、またはセグメント（ID か名前）で絞り込み
    {"            [by health|arr|renewal]"}   並べ替え: ヘルスの低い順、ARR の大きい順、更新の近い順
      show CUSTOMER                       1 社の詳細 (s)。CUSTOMER は ID か名前（大文字・小文字を問わない）、または #番号
      actions [CUSTOMER|SEGMENT|ACTION]   アクションの一覧と時間、対象に計画できるかどうか、または 1 つのアクションの詳細 (a)
      do ACTION CUSTOMER|SEGMENT          今四半期のアクションを計画
      undo N                              計画済みアクション N を削除
      plan                                今四半期に計画したアクションと残り時間
                                          （`plan ACTION CUSTOMER` は `do` と同じくアクションを計画）
      outcome CUSTOMER OUTCOME            顧客のサクセスプランが目指すビジネス成果を記入
                                          （`outcome` だけで一覧を表示。わかっていることは `show CUSTOMER` で確認）
      usecase CUSTOMER USE_CASE           顧客のサクセスプランで最初に狙うユースケースを記入
                                          （`usecase` だけで一覧を表示。チャンピオンが会話や顧客の観察で教えてくれます）
      read CUSTOMER DRIVER                前四半期に顧客のヘルスを下げた要因を判断: usage、
                                          quality、sentiment、finances のいずれか（1 時間。四半期末に評価）
      hand CUSTOMER TEAM                  顧客からの依頼を support、services、account-manager の
                                          いずれかに引き継ぐ（依頼に取られるはずの時間が空く。1.4）
      end                                 四半期を終了して結果を表示（自動保存）
      log [QUARTER]                       ある四半期の出来事（既定: 直前の四半期）
      coach [on|off]                      今四半期に注意すべきで、まだ計画していないこと。
                                          `coach on` で毎四半期の開始時に表示（クラスでは無効）
      save [FILE]                         セッションを保存
      ranking                             クラスの順位（クラスで講師が公開した後）
      help                                このヘルプ (h, ?)
      quit                                保存して終了 (q)

## Questions in the terminal: knowledge checks, `csm-sim quiz` and `csm-sim exam`.

ask-hint = { $choose ->
    [1] a–{ $last }
   *[other] { $choose } 文字、a–{ $last }
}
ask-your-answer = 回答（{ $hint }、skip、quit）:{" "}
ask-you-chose = あなたの選択 { $letter }) { $choice }
ask-the-answer = 正解: { $letter }) { $choice }
exam-intro = 模擬試験: 試験 820-605 と同じ配分（分野 15/25/25/20/15%）で選んだ { $questions } 問、制限時間 { $time }。合格ラインは { $pass }% です。
exam-how = 文字で回答してください（2 つ選ぶ問題では 2 文字）。`skip` で未回答のまま次へ、`quit` で中止してその場で採点します。
exam-question = 問題 { $number }/{ $total } · 分野 { $domain } · 残り { $time }
exam-time-prompt = [残り { $time }]{" "}
exam-late-answer = 時間切れです。この回答は終了後に届いたため採点されません。
exam-time-up = 時間切れです。
exam-score = 得点: { $asked } 問中 { $right } 問正解（{ $percent }%）、所要時間 { $time }。合格ライン { $pass }% { $passed ->
    [yes] 以上です
   *[no] に届きませんでした
}。
exam-verdict = { $passed ->
    [yes] 合格
   *[no] 不合格
}
mark-not-reached = 未到達
exam-mark-right-yours = {" "}✓ あなたの回答
exam-mark-wrong-yours = {" "}✗ あなたの回答
exam-recorded = { $path } に記録しました。間違えた問題は `csm-sim quiz` で優先して出題されます。
quiz-intro = 練習: { $questions } 問（復習時期 { $due } 問）。文字、`skip`、`quit` で回答してください。
quiz-question = 問題 { $number }/{ $total } [{ $objectives }]{ $note }
quiz-right = { $asked } 問中 { $right } 問正解。
quiz-seen = 問題集 { $total } 問のうち { $seen } 問に回答済み。記録: { $path }。

## Terminal-only forms.

play-request-short = { $request }、{ $hours } 時間
col-segment-lower = セグメント
col-touch-lower = タッチ
col-stage-lower = ステージ
col-health-lower = ヘルス
col-known-barriers-lower = 既知のバリア
play-could-not-update-study = 学習記録を更新できませんでした: { $error }
quiz-could-not-save = 学習記録を保存できませんでした: { $error }
right-of-right = { $asked } 問中 { $right } 問正解
mark-unanswered = 未回答
ask-one-letter = 1 文字（a–{ $last }）、`skip` または `quit` で回答してください。
ask-n-letters = { $choose } つ選択: 異なる { $choose } 文字（a–{ $last }）を入力してください（例: `a c`）。または `skip`、`quit`。

## `run` and `replay`.

run-heading = { $title } — { $scenario }（シード { $seed }）
run-default =
    組み込みシナリオ「{ $scenario }」を、組み込みのプレイブック「sensible」で実行しています。
    自分でプレイするには `csm-sim play { $scenario }` を実行してください。すべてのコマンドは `csm-sim --help` で確認できます。
run-journal = 出来事の記録:
run-outcomes = 更新、チャーン、拡張とその理由:
run-debrief-written = 振り返りを { $html } と { $json } に書き出しました
table-arr-end = 四半期末 ARR
table-churned = チャーン
table-contraction = 縮小
table-expansion = 拡張
table-new = 新規
table-nrr-run = 累計 NRR
table-customers = 顧客数
table-bands = 赤/黄/緑
replay-heading = { $file }: シナリオ { $scenario }（シード { $seed }）、{ $quarters } 四半期をプレイ、アクション { $actions } 件
replay-reproduced = 再現しました: 再実行の結果は保存されたセッションと同じです（{ $hash }）
replay-mismatch = 不一致: 再実行の結果 { $replayed } は、保存された結果 { $saved } と異なります

## `coverage`.

coverage-and = {" と "}
coverage-intro = 各シナリオが扱う試験項目: m はプレイ中に起きた仕組みで扱われたもの（組み込みのプレイブック { $playbooks } で、それぞれ { $seeds } シード）、n はシナリオが名前を挙げただけのもの。規則: j は判定ルールが見ている項目。問題: 問題集の問題数。
coverage-column = {"  "}列 { $number }: { $scenario }
coverage-domain = { $id } { $title }（試験の { $weight }%）
coverage-col-rules = 規則
coverage-col-questions = 問題数
coverage-col-title = 項目名
coverage-domain-total = {"  "}仕組みで扱う: { $total } 項目中 { $by_mechanic } 項目（{ $percent }%）、名前のみ: { $named }
coverage-total = { $total } 項目中 { $by_mechanic } 項目が、少なくとも 1 つのシナリオで仕組みとして扱われています。
coverage-docs = 仕組みとそれぞれが扱う試験項目は docs/exam.md（「What play exercises」）に記載されています。

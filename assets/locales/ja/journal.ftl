# The journal in Japanese: what happened and why, in the window, the terminal and the debriefs.
# Each line follows the customer's name and a colon, in a plain log style (…しました). Terms
# follow labels.ftl, window.ftl and rules.ftl; objective numbers are kept as written.

event-barrier-appeared = { $hidden ->
    [yes] バリア「{ $barrier }」が発生しました（深刻度 { $severity }%、まだあなたには見えていません）
   *[no] バリア「{ $barrier }」が発生しました（深刻度 { $severity }%）
}— { $objective }
event-barrier-discovered = { $barrier }: { $how } ({ $objective }, 3.3)
event-barrier-resolved-by = バリア「{ $barrier }」が{ $action }によって解消されました ({ $objective })
event-barrier-resolved = バリア「{ $barrier }」が、CSM の対応なしにベンダーのエンジニアリングによって解消されました ({ $objective })
event-stage = { $from }から{ $to }に移行しました (1.3)
event-first-outcome = 最初のビジネス成果を達成しました。価値実現までの時間は { $quarters } 四半期でした (2.10, 4.2.d)
event-outcome = { $number } 件目のビジネス成果を達成しました (2.10)
event-outcome-corrected = エグゼクティブスポンサーがサクセスプランを修正しました: 成果は「{ $from }」ではなく「{ $to }」です。次回のレビューで検証されます (2.3)
event-outcome-given = エグゼクティブスポンサーがサクセスプランの成果を「{ $to }」と定めました。次回のレビューで検証されます (2.3)
event-raci = サクセスプランの RACI に、現在の担当者として、エグゼクティブスポンサーが説明責任者（A）、チャンピオンが実行責任者（R）と記されました (2.9)
event-use-cases-untargeted = サクセスプランのユースケースを「{ $use_case }」にしました。最初に狙うものはありません (2.8)
event-use-case = サクセスプランで最初に狙うユースケースを「{ $use_case }」にしました (2.8)
event-action = { $action }: { $result }{ $objectives }
event-true-up = エンタープライズ契約で利用権を超えた利用分をトゥルーアップで精算し、ARR が { $arr } 増えました (1.6.c, 1.8.b)
event-company-risk = { $risk }（深刻度 { $severity }%）— 企業リスク ({ $objectives })
event-adoption-focused = 導入計画は、顧客が望む「{ $outcome }」に注力しています。機能マトリックスはその成果に必要な機能から有効にし、価値実現までのタイムラインもその成果を目指します (4.1.b, 4.1.c, 4.1.d)
event-adoption-misfocused = 導入計画は「{ $outcome }」に注力していますが、これは顧客が望むものではありません。展開は半分の速さでしか進まず、価値実現までのタイムラインもありません (4.1.b)
event-adoption-unfocused = 導入計画に成功の注力点がありません（サクセスプランにまだ成果が記入されていません）。展開は半分の速さでしか進まず、価値実現までのタイムラインもありません (4.1.b, 2.3)
event-expansion-planned = スポンサーと合意した拡張機会がサクセスプランに記載されました。次に出す適切な提案は、顧客があらかじめ計画しているものになります (5.4)
event-gap-found = { $action }で、アカウントのベースラインに{ $gap }が見つかりました。解消するまで展開を遅らせ、利用を抑え、成果を妨げます (2.5, { $objective })
event-gap-closed = { $action }で{ $gap }を解消しました (2.5, { $objective })
event-request = 依頼がありました: { $request }。対応するチームに引き継がない限り、今四半期のあなたの時間を { $hours } 時間消費します (1.4)
event-request-csm-right = スポンサーの戦略的な依頼に自ら対応しました。CSM 自身の仕事であり、スポンサーもそれに気づきました (1.4, 4.3.a)
event-request-csm-wrong = 「{ $request }」の依頼に自分で対応し、{ $team }に任せれば使わずに済んだ時間を費やしました (1.4)
event-request-right = { $team }が「{ $request }」の依頼に対応しました (1.4)
event-request-strategic-wrong = スポンサーが成果について話したいと依頼したのに、{ $team }に回されました。スポンサーの気持ちが冷めました (1.4, 4.3.a)
event-request-wrong = 「{ $request }」の依頼が、対応できない{ $team }に回されました。依頼は次の四半期により大きくなって戻ってきます。顧客の担当者もそれに気づきました (1.4)
event-champion-found = { $action }を通じて新しいチャンピオンが見つかりました (2.2, 4.3.c)
event-health-right = ヘルススコアの低下を正しく読み取りました: 要因は{ $driver }でした。今回は、その背後に隠れていたものは見つかりませんでした ({ $objective })
event-health-right-found = ヘルススコアの低下を正しく読み取りました: 要因は{ $driver }で、そこを調べたところ{ $found }が見つかりました ({ $objective })
event-health-wrong = ヘルススコアの低下の要因を{ $said }と読み取りましたが、ダッシュボードでは{ $truth }が低下の要因でした ({ $truth_objective }, { $objective })
event-health-flat = ヘルススコアの低下の要因を{ $said }と読み取りましたが、突出した要因はなく、スコアは全体的に少しずつ下がっていました (2.6)
event-campaign = セグメント { $segment } に{ $action }を実施しました。顧客 { $reached } 社に届き、拡張機会が { $opportunities } 件見つかりました ({ $objectives })
event-contract = ARR { $arr } の新しい契約を締結しました (1.3)
event-renewed = ARR { $arr } で更新しました（更新確率 { $chance }%）{ $branch }{ $factors } (1.8.c, 5.5)
event-downsold = 縮小して更新しました: ARR { $from } → { $to }（更新確率 { $chance }%）{ $branch }{ $factors } (1.8.a, 5.6)
event-churned = チャーンし、ARR { $arr } を失いました（更新確率 { $chance }%）{ $branch }{ $factors } (1.8.a, 5.5)
branch-renewed = 。確率の低いほうの結果になりました: わずか { $chance }% の確率で更新されました
branch-lost = 。確率の低いほうの結果になりました: 満額で更新されない確率はわずか { $chance }% でした

## The reasons behind a renewal.

factors-nothing-against = 。不利な要因はありませんでした
factors-against = 。不利な要因: { $list }
factors-favour = 。有利な要因: { $list }
factor-barrier = 未解決のバリア「{ $barrier }」 ({ $objective })
factor-open-gap = 解消されないまま残ったベースラインのギャップ (2.5)
factor-pushed = 顧客に合わない拡張の売り込み (5.2)
factor-no-sponsor = エグゼクティブスポンサーの不在 (3.4.b)
factor-red = 赤のヘルススコア (2.6)
factor-no-renewal-work = 更新リスク分析の未実施 (5.5)
factor-late-renewal-work = 更新日まで 90 日を切ってからの更新作業の開始 (5.5)
factor-weak-finances = 顧客の脆弱な財務状況 (2.6.d)
factor-no-champion = 顧客社内のチャンピオンの不在 (2.2)
factor-licence = 支払い済みのライセンスに対するサポートのみの更新（購入費の CapEx は支出済み） (1.6.a, 1.6.d)
factor-low-utilisation = 低いライセンス利用率 (2.6.a)
factor-green = 緑のヘルススコア (2.6)
factor-early-renewal-work = 1 四半期以上前からの更新作業の開始 (5.5)
factor-mitigation-plan = リスク軽減計画 (5.6)
factor-recent-qbr = 最近の QBR (4.5)
factor-auto-renew = 自動更新 (1.6.b)
factor-outcomes = 達成済みのビジネス成果 (2.10)
factor-transition-plan = 合意済みの移行計画 (5.6)

## What an action did.

result-done = 完了しました
result-found = { $barriers } を発見しました
result-nothing-found = 新しいバリアは見つかりませんでした
result-progress = バリア「{ $barrier }」の解消が進み、{ $percent }% まで解消しました ({ $objective })
result-resolved = バリア「{ $barrier }」を解消しました ({ $objective })
result-no-effect = 効果はありませんでした: この顧客には、このアクションで対処できる問題がありません ({ $objectives })
result-misdirected = 役に立ちませんでした: 別の問題が未解決のまま、この顧客が抱えていない問題に対処したため、顧客もそれに気づきました ({ $objectives })
result-superseded = 結局不要でした: バリア「{ $barrier }」は今四半期のうちにすでに解消されていました ({ $objective })
result-backfired = 逆効果でした: ステークホルダーのセンチメントが下がりました（顧客にはまだその準備ができていませんでした）
result-misrouted = この種類の依頼に対応しないチームに回されました: 顧客はたらい回しにされました (1.4)
result-blocked = 実施できませんでした: { $reason }
result-expansion-won = 顧客が追加購入しました: ARR +{ $arr } (1.8.b)
result-declined = 顧客は今回は提案を断りました (5.2)

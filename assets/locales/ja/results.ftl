# 端末での結果: 実行の合計と、判定された意思決定（`csm-sim play`、`run`）。

portfolio-word = ポートフォリオ
totals-arr = 開始時 ARR { $start } → 終了時 ARR { $end }（{ $quarters } 四半期）
totals-rates = GRR { $grr }   NRR { $nrr }   チャーン { $churned }（{ $customers } 社中 { $lost } 社）   縮小 { $contraction }   拡張 { $expansion }   新規 { $new }
totals-outlook = 更新の見通し: 現状のままでは、コホートの ARR { $pending } のうち、次回の更新で { $expected } が残る見込みです。見通しを含めた NRR は { $nrr } です
totals-no-value = まだ価値を実現した顧客はいません
totals-ttv = { $quarters } 四半期（{ $customers } 社）
totals-ltv = LTV { $ltv }   価値実現までの平均期間 { $ttv }
totals-target = 目標: { $name } { $target } — 実績 { $actual } — { $met ->
    [yes] 達成
   *[no] 未達
}
judged-well = よくできた点
judged-differently = 次に改善すべき点
judged-more = {" "}ほか { $count } 件

## A scenario's targets.

target-nrr = NRR の下限
target-grr = GRR の下限
target-churned = チャーンした顧客数の上限
target-plans-in-time = 期限内にサクセスプラン（5 要素以上）を持った新規顧客
target-expansion = 拡張 ARR の下限（開始時 ARR に対する割合）
target-advocacy = アドボカシーに協力した顧客数の下限
target-time-to-value = 価値実現までの平均期間の上限（四半期）

## Exam readiness and the coach.

mastery-none = まだ示されていません
mastery = { $percent }%（判定 { $judged } 件、回答 { $answered } 件から）
list-and = { $first }、{ $last }
coached-all = { $quarters ->
    [1] この四半期
    [2] 両方の四半期
   *[other] 全 { $quarters } 四半期
}でコーチがオンでした。注意すべき点を示していたので、この結果には手助けがありました。
coached-some = 全 { $quarters } 四半期のうち、第 { $list } 四半期（{ $count } 四半期）でコーチがオンでした。その時点で注意すべき点を示していました。

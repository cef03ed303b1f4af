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

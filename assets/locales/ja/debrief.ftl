# HTML の振り返り（`csm-sim run --report`、ウィンドウの「HTML レポートを書き出す」）。
# カード、グラフ、判断、結果の言葉は window.ftl の振り返りのものも使います。

html-chart-bands = ヘルス（赤・黄・緑）別の顧客数（各棒の下は平均ヘルス）
html-readiness-why = 評価された判断から求めた、試験 820-605 の分野ごとの習熟度です。試験と同じ配分で重み付けしています。根拠のない分野は「まだ示されていません」として数え、根拠が少なければ、その分だけ低く数えます。各分野の適切な判断と正答は 4 件分の「まだ示されていません」と比べて評価し、同じ顧客への同じ適切な判断は 1 年以内に繰り返しても 1 回と数えます。
html-col-domain = 分野
html-col-weight = 配分
html-col-mastery = 習熟度
html-col-good = 適切
html-col-mistakes = 誤り
html-col-objectives = 試験項目
html-col-why = なぜ重要か
html-col-times = 回数
html-col-where = どこで
html-col-quarter = 四半期
html-col-question = 問題
html-col-your-answer = あなたの回答
html-col-right-answer = 正解とその理由
html-col-customer = 顧客
html-col-outcome = 結果
html-col-arr = ARR
html-show = { $what } — 表示
html-study-record = 学習記録から
html-practice = { $bank } 問中 { $seen } 問に回答済み、{ $due } 問が復習時期です。csm-sim quiz を実行してください。
html-last-exam = 前回の模擬試験: { $percent }%。
html-weak = { $title } — { $answered } 問中 { $right } 問正解（csm-sim quiz --objective { $id }）
html-json-tells = JSON の振り返りには 1 件ずつ記載されています。以下は例外です。
html-not-listed = ほか { $count } 件はここに表示していません。上は最初の { $listed } 件です。

# HTML のデブリーフ（`csm-sim run --debrief`、ウィンドウの「HTML レポートを書き出す」）。
# カード、グラフ、判断、結果の言葉は window.ftl のデブリーフのものを使います。

html-chart-bands = ヘルスバンド別の顧客数（各棒の下は平均ヘルス）
html-readiness-why = 判断の評価から求めた、試験 820-605 のドメインごとの習熟度です。試験と同じ重みで合計します。根拠のないドメインは「まだ示されていない」として数え、根拠が少なければ少ないなりに数えます: 各ドメインの良い判断と正答は 4 件分の「まだ示されていない」と比べて重み付けされ、同じ顧客への同じ良い判断は 1 年以内なら 1 回と数えます。
html-col-domain = ドメイン
html-col-weight = 重み
html-col-mastery = 習熟度
html-col-good = 良い判断
html-col-mistakes = 誤り
html-col-objectives = 試験項目
html-col-why = なぜ重要か
html-col-times = 回数
html-col-where = どこで
html-col-quarter = 四半期
html-col-question = 問題
html-col-your-answer = あなたの答え
html-col-right-answer = 正解とその理由
html-col-customer = 顧客
html-col-outcome = 結果
html-col-arr = ARR
html-show = { $what } — 表示する
html-study-record = 学習記録から
html-practice = { $bank } 問中 { $seen } 問に回答済み。復習の時期が来た問題が { $due } 問あります: csm-sim quiz を実行してください。
html-last-exam = {" "}前回の模擬試験: { $percent }%。
html-weak = { $title } — { $answered } 問中 { $right } 問正解（csm-sim quiz --objective { $id }）
html-json-tells = JSON のデブリーフには 1 件ずつ載っています。以下は例外です。
html-not-listed = ほか { $count } 件はここに載せていません。上は最初の { $listed } 件です。

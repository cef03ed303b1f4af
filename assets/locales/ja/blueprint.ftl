# Exam domain and objective titles in Japanese (ids as in assets/blueprint.ron).
# Every title below is the official wording of the Japanese exam blueprint, Cisco Customer
# Success Manager v2.0 (820-605), seed 000 (shared/seeds/000_7a33597ff18451ba.txt).
# Translated because the seed has none: none (the seed has every domain and objective).
# Taken as the seed has them, with two mechanical fixes: the seed's typo 「ささまざまな」 in 1.6
# is written 「さまざまな」, and the titles of 2.10 and 3.1, broken across lines in the seed,
# are joined. The seed's sub-objective titles are short (2.5.a 「ツール」); they are kept so.

## 1.0 カスタマーサクセス業界

objective-1 = カスタマーサクセス業界
objective-1-1 = カスタマーサクセスのニーズを生む主要な要因の説明
objective-1-2 = カスタマーサクセスの定義（想定内の値と想定外の値）
objective-1-3 = カスタマーライフサイクルジャーニーの説明
objective-1-4 = カスタマーサクセス、カスタマーサポート、セールスの比較
objective-1-5 = カスタマーサクセスの価値提案の説明
objective-1-5-a = ベンダー
objective-1-5-b = 顧客
objective-1-6 = さまざまな IT 部門の購入および消費モデルの説明
objective-1-6-a = ソフトウェアライセンス
objective-1-6-b = サービスのサブスクリプション
objective-1-6-c = エンタープライズ契約
objective-1-6-d = CapEx と OpEx
objective-1-7 = カスタマーサクセスの主要指標の特定
objective-1-7-a = 先行指標
objective-1-7-b = 遅行指標
objective-1-8 = 以下の指標の財政上の意味の説明
objective-1-8-a = チャーン
objective-1-8-b = 拡張
objective-1-8-c = 更新（MRR、ATR、LTV、ACV）
objective-1-9 = カスタマーセグメンテーションに基づくカスタマーエンゲージメントモデルの説明
objective-1-9-a = ハイタッチ
objective-1-9-b = バーチャルタッチ
objective-1-9-c = デジタルタッチ
objective-1-10 = カスタマーサクセスマネージャの目標の説明

## 2.0 サクセスプランの作成

objective-2 = サクセスプランの作成
objective-2-1 = 購入した製品またはソリューションの特定
objective-2-2 = 主要なステークホルダーの役割の特定
objective-2-3 = 主要なステークホルダーから得られた情報に基づく望ましいビジネス上の成果の検証
objective-2-4 = ビジネス上の成果に結びつく重要な成功要因の特定
objective-2-5 = アカウントのベースラインを分析してギャップを特定する
objective-2-5-a = ツール
objective-2-5-b = プロセス
objective-2-5-c = スタッフ
objective-2-6 = カスタマーヘルススコアの分析
objective-2-6-a = 製品利用状況
objective-2-6-b = 製品品質
objective-2-6-c = カスタマーマインド
objective-2-6-d = 顧客の財務状況
objective-2-7 = カスタマーサクセスプランの共通要素の説明
objective-2-8 = ターゲットを絞ったユースケースの目的の説明
objective-2-9 = RACI 内の個人と責任の特定
objective-2-10 = 成果、重要業績評価指標 (KPI)、および各種指標がカスタマーバリューの達成にいかに貢献するかの説明

## 3.0 バリアの管理

objective-3 = バリアの管理
objective-3-1 = 顧客バリアのタイプの特定
objective-3-1-a = ビジネス
objective-3-1-b = 運営
objective-3-1-c = 技術
objective-3-1-d = 企業文化
objective-3-2 = 顧客バリアの特定に使用される情報源の説明
objective-3-2-a = ツール (テレメトリ、消費データ)
objective-3-2-b = プロセス
objective-3-2-c = スタッフ
objective-3-3 = 顧客バリアの特定
objective-3-3-a = 観察
objective-3-3-b = 会話
objective-3-3-c = データ
objective-3-4 = 一般的な顧客バリアに対する Time to Value (価値実現にかかる時間) に影響する行動の特定
objective-3-4-a = 実装の行き詰まりまたは長期化
objective-3-4-b = プロジェクトスポンサーの喪失
objective-3-4-c = 製品機能の欠損
objective-3-4-d = 製品品質または性能上の問題
objective-3-4-e = 製品が顧客にとって最適でない

## 4.0 カスタマーサクセス管理

objective-4 = カスタマーサクセス管理
objective-4-1 = カスタマーオンボーディングの要素の説明
objective-4-1-a = 導入計画
objective-4-1-b = 優先的な成功の注力
objective-4-1-c = 価値実現までのタイムライン
objective-4-1-d = 機能マトリックスの活用
objective-4-2 = 基本的な顧客管理活動の目的の説明
objective-4-2-a = 顧客と業界の観察
objective-4-2-b = 顧客の会話とやり取り
objective-4-2-c = アカウントデータとスコアボードのレビュー
objective-4-2-d = 成功の瞬間を捉える
objective-4-2-e = サクセスプランのレビュー
objective-4-3 = ステークホルダーのコミュニケーションニーズの説明
objective-4-3-a = 顧客の役員
objective-4-3-b = アカウントマネージャ
objective-4-3-c = 顧客のユーザ
objective-4-3-d = サービス
objective-4-3-e = ビジネスユニット
objective-4-4 = 四半期サクセスレビュープロセスの説明
objective-4-5 = 四半期サクセスレビューの成果の特定
objective-4-6 = 顧客が支持者として行動する機会の特定

## 5.0 拡張機会と更新

objective-5 = 拡張機会と更新
objective-5-1 = 拡張機会のタイプの説明
objective-5-1-a = 追加機能
objective-5-1-b = 新しいユースケース
objective-5-1-c = 追加のユーザーグループ
objective-5-1-d = 新しいソリューション
objective-5-1-e = 変更管理サービス
objective-5-2 = カスタマーサクセスプランからの、カスタマーライフサイクル全体での潜在的な拡張機会の特定
objective-5-3 = 拡張機会を特定するための利活用キャンペーンの作成
objective-5-4 = 拡張機会によるカスタマーサクセスプランの更新
objective-5-5 = 更新リスク分析の要素の説明
objective-5-6 = リスク要因に対処する移行計画の作成

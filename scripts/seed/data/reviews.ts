// Invented first-hand reviews with varied attributes. Status shows the moderation queue:
// most approved, some pending, some rejected with a reason.
type Row = [
  agent: string,
  rating: number,
  title: string,
  body: string,
  ageBand: string,
  gender: string,
  industry: string,
  experienceYears: string,
  usage: string,
  status: 'approved' | 'pending' | 'rejected',
  daysAgo: number,
  rejection?: [category: 'defamation' | 'not_firsthand' | 'spam', note: string],
]

const rows: Row[] = [
  ['michibiki', 5, '年収交渉まで任せられて安心でした', '提示された年収が希望より低かったのですが、担当の方が企業と交渉してくれて最終的に60万円上がりました。自分では言い出しにくいことを代わりに伝えてもらえたのが大きかったです。', '30s', 'male', 'it', '5_10', 'joined', 'approved', 12],
  ['michibiki', 4, '職務経歴書が見違えるほど良くなった', '最初に出した職務経歴書はただの業務の羅列でしたが、成果を数字で書くように何度も添削してもらいました。書類通過率が体感で倍くらいになりました。', '20s', 'female', 'media', '3_5', 'joined', 'approved', 25],
  ['michibiki', 3, '求人は多いが連絡がやや多め', '紹介される求人の数は多く選択肢には困りませんでした。ただ電話とメールの連絡がかなり頻繁で、在職中の身には少し負担に感じる時期がありました。', '30s', 'male', 'finance', '5_10', 'registered', 'approved', 40],
  ['michibiki', 4, '面接対策が具体的で助かった', '企業ごとに過去の面接でどんな質問が出たかを教えてもらえたので、準備の方向性がはっきりしました。二次面接の前にも模擬面接をしてくれました。', '40s', 'no_answer', 'manufacturing', '10_plus', 'joined', 'approved', 55],
  ['michibiki', 2, '希望と違う業界の求人が続いた', 'IT業界を希望と伝えていたのに、人材業界の営業職の求人が何度か送られてきました。担当を変えてもらってからは改善しましたが、最初は戸惑いました。', '20s', 'male', 'retail', '1_3', 'registered', 'approved', 70],
  ['michibiki', 5, '内定後のフォローまで丁寧', '退職の切り出し方や引き継ぎのスケジュールまで相談に乗ってもらえました。入社後も一度連絡をくれて、最後まで気にかけてもらえた印象です。', '30s', 'female', 'it', '5_10', 'joined', 'approved', 90],
  ['michibiki', 4, '土日の面談に対応してもらえた', '平日は仕事で時間が取れなかったので、土曜日にオンラインで面談してもらえたのはありがたかったです。求人の説明も分かりやすかったです。', 'no_answer', 'no_answer', 'it', '3_5', 'registered', 'pending', 2],
  ['michibiki', 1, '最悪でした!!!絶対に使うな', '最悪最悪最悪。担当が無能。二度と使いません。みんな絶対に登録しないでください。本当に時間の無駄でした。', '20s', 'male', 'other', 'lt1', 'registered', 'rejected', 5, ['defamation', '具体的な利用体験の記載がなく、誹謗中傷にあたる表現が含まれるため掲載を見送りました。']],

  ['high-career-bridge', 5, '経営層と直接話せる機会をもらえた', 'ヘッドハンターの方の紹介で、応募前に先方の役員とカジュアルに話す場を設けてもらえました。ポジションの期待値がはっきりして、入社後のギャップがほとんどありませんでした。', '40s', 'male', 'consulting', '10_plus', 'joined', 'approved', 15],
  ['high-career-bridge', 4, '急かされないのが良い', '今すぐ転職するつもりはないと伝えたところ、半年に一度くらいの頻度で良い求人だけを紹介してくれました。じっくり考えたい人に向いていると思います。', '40s', 'female', 'finance', '10_plus', 'registered', 'approved', 33],
  ['high-career-bridge', 3, 'ヘッドハンターによって質に差がある', '最初に連絡をくれた方は業界に詳しく話が早かったのですが、別の方は職務経歴をあまり読んでいない様子でした。複数の人とやり取りして相性の良い人を見つけるのが大事です。', '30s', 'male', 'it', '5_10', 'registered', 'approved', 48],
  ['high-career-bridge', 4, 'PMとしての市場価値が分かった', 'プロジェクトマネージャーとしての経験がどのくらいの年収で評価されるのかを具体的に教えてもらえました。結果的に年収は150万円上がりました。', '30s', 'male', 'it', '10_plus', 'joined', 'approved', 80],
  ['high-career-bridge', 2, '求人の年収レンジが高すぎた', '紹介される求人の多くが自分の経験ではやや背伸びが必要なものでした。書類で落ちることが続き、もう少し現実的な求人も混ぜてほしかったです。', '30s', 'female', 'manufacturing', '5_10', 'registered', 'approved', 100],
  ['high-career-bridge', 5, '外資系への転職で英語面接の準備まで', '外資系企業の英語面接に向けて、想定質問と回答の添削までしてもらえました。初めての外資でしたが落ち着いて臨めました。', '50s_plus', 'male', 'consulting', '10_plus', 'joined', 'approved', 130],
  ['high-career-bridge', 4, 'スカウトの質が高い', '登録後に届くスカウトが自分の経歴をきちんと読んだうえでの内容で、読む価値があるものがほとんどでした。', '40s', 'no_answer', 'it', '10_plus', 'registered', 'pending', 1],

  ['freelance-port', 5, 'PMO案件の紹介が早かった', '会社員時代にPMOを4年経験していたので、登録から1週間で3件の案件を紹介してもらえました。単価も会社員時代の月給の倍近くになりました。', '30s', 'male', 'it', '3_5', 'joined', 'approved', 8],
  ['freelance-port', 4, '週3日案件で独立の不安が減った', 'いきなり週5日で働くのは不安だったので、週3日の案件から始めました。空いた時間で勉強や営業ができ、独立1年目としては良いスタートでした。', '30s', 'female', 'it', '5_10', 'joined', 'approved', 20],
  ['freelance-port', 4, '入金が早くて資金繰りが楽', '月末締めの翌月15日払いで、独立直後の資金繰りがかなり楽でした。請求書の作成も不要で事務作業が少ないのも助かっています。', '40s', 'male', 'finance', '10_plus', 'joined', 'approved', 35],
  ['freelance-port', 3, '案件数はそこまで多くない', 'PMO案件の質は高いのですが、開発系の案件は少なめです。エンジニアとして探すなら他のサービスと併用した方が良いと思います。', '20s', 'male', 'it', '3_5', 'registered', 'approved', 50],
  ['freelance-port', 5, '単価交渉をしっかりしてくれた', '契約更新のタイミングで、稼働実績をもとに単価アップを交渉してくれました。自分から言いにくいことを代わりに伝えてもらえるのは大きいです。', '30s', 'male', 'consulting', '5_10', 'joined', 'approved', 75],
  ['freelance-port', 2, 'リモート案件は少なめ', '首都圏の常駐案件が中心で、フルリモートの案件はあまり紹介されませんでした。地方在住の人には使いにくいかもしれません。', '30s', 'female', 'it', '3_5', 'registered', 'approved', 110],
  ['freelance-port', 4, '独立前の相談にも乗ってもらえた', 'まだ会社員のうちに面談を受け、開業届や税金の基本まで教えてもらいました。案件の紹介だけでなく、独立の流れを整理できたのが良かったです。', '20s', 'female', 'media', '3_5', 'registered', 'approved', 140],
  ['freelance-port', 5, '担当者の業界知識がすごい', 'PMOの経験があるという担当の方で、案件の体制や現場の雰囲気を具体的に説明してくれました。参画してからのギャップがありませんでした。', '40s', 'male', 'it', '10_plus', 'joined', 'pending', 3],
  ['freelance-port', 4, '案件探しに使ってます', '登録してから何となく使ってます。よいと思います。特に書くことはありません。', '30s', 'male', 'it', '3_5', 'registered', 'rejected', 6, ['not_firsthand', '利用体験の具体的な内容が確認できないため掲載を見送りました。']],

  ['it-works-gate', 4, 'フルリモートで地方から参画できた', '地方に住んでいますが、フルリモートの案件を紹介してもらい首都圏の企業の仕事をしています。移住前と収入がほとんど変わらず満足しています。', '30s', 'male', 'it', '5_10', 'joined', 'approved', 10],
  ['it-works-gate', 3, '案件は多いが選ぶのが大変', '案件数が多いので選択肢は豊富ですが、似たような案件が多く比較に時間がかかりました。希望条件をしっかり伝えると絞り込んでもらえます。', '20s', 'female', 'it', '1_3', 'registered', 'approved', 22],
  ['it-works-gate', 5, '次の案件の提案が早い', '案件終了の2か月前に次の候補を複数提案してもらえたので、空白期間なく次の案件に移れました。収入が途切れないのは本当に助かります。', '40s', 'male', 'it', '10_plus', 'joined', 'approved', 45],
  ['it-works-gate', 4, '福利厚生サービスがありがたい', 'フリーランスでも健康診断の補助や研修サービスが使えるのが良いです。会社員時代に近い安心感があります。', '30s', 'female', 'finance', '5_10', 'joined', 'approved', 60],
  ['it-works-gate', 2, '経験が浅いと紹介が少ない', '実務経験1年ほどで登録したところ、紹介できる案件が限られると言われました。ある程度経験を積んでからの方が良さそうです。', '20s', 'male', 'retail', 'lt1', 'registered', 'approved', 95],
  ['it-works-gate', 4, 'PMO未経験でもチャレンジできた', '開発リーダーの経験を評価してもらい、PMOアシスタントの案件に参画できました。未経験の役割でも経験の棚卸しを手伝ってもらえます。', '30s', 'no_answer', 'it', '5_10', 'joined', 'approved', 120],
  ['it-works-gate', 3, '面談はスムーズ', 'オンライン面談は30分ほどで終わり、その日のうちに案件の紹介メールが届きました。まだ参画はしていませんが対応は早いです。', '20s', 'male', 'it', '1_3', 'registered', 'pending', 4],

  ['consul-links', 5, '上流の案件に関われるようになった', 'ファーム経由の業務改革案件に参画できました。事業会社の企画職からの独立でしたが、これまでの経験を評価してもらえる案件を選んでもらえました。', '30s', 'male', 'consulting', '5_10', 'joined', 'approved', 18],
  ['consul-links', 4, '単価の高さは期待以上', '月額で会社員時代の月収の2倍以上の単価でした。そのぶん求められる水準も高いですが、やりがいがあります。', '40s', 'male', 'consulting', '10_plus', 'joined', 'approved', 38],
  ['consul-links', 4, 'PMO案件の選択肢が多い', '大手企業のDX推進PMOなど、規模の大きいプロジェクトの案件が多くありました。週3日の案件もあり、複数案件の掛け持ちもしやすいです。', '30s', 'female', 'consulting', '5_10', 'joined', 'approved', 58],
  ['consul-links', 3, 'コンサル経験がないと厳しい', '事業会社のIT部門での経験だけだと、紹介される案件がかなり限られました。コンサル出身の人向けのサービスだと感じます。', '30s', 'male', 'manufacturing', '5_10', 'registered', 'approved', 85],
  ['consul-links', 5, '担当者がコンサル出身で話が早い', '担当の方がコンサルティングファーム出身なので、プロジェクトの内容や求められる役割の説明が的確でした。ミスマッチがほとんどありません。', '40s', 'female', 'consulting', '10_plus', 'joined', 'approved', 115],
  ['consul-links', 2, '案件開始までの期間が長かった', '面談から実際に案件が始まるまで2か月ほどかかりました。すぐに働きたい人は他のサービスも併用した方が安心です。', '50s_plus', 'male', 'finance', '10_plus', 'joined', 'approved', 150],
  ['consul-links', 4, '契約書の説明が丁寧', '業務委託契約の注意点を一つずつ説明してもらえたので、初めてでも安心して契約できました。', '30s', 'female', 'consulting', '3_5', 'joined', 'pending', 1],
  ['consul-links', 1, '競合サービスの方がおすすめ', 'こちらは使わずに○○というサービスを使った方が絶対に良いです。URLはこちらです。', '30s', 'no_answer', 'other', 'no_answer', 'registered', 'rejected', 9, ['spam', '他サービスへの誘導を目的とした内容のため掲載を見送りました。']],

  ['career-sprout', 5, '初めての転職でも迷わなかった', '何から始めればいいか分からない状態でしたが、自己分析から応募書類の作成まで一つずつ一緒に進めてもらえました。第二新卒でも内定を2社もらえました。', '20s', 'female', 'retail', '1_3', 'joined', 'approved', 7],
  ['career-sprout', 4, '面接練習を何度もしてくれた', '面接が苦手だったので、本番前に4回も練習に付き合ってもらいました。話す内容を整理できて、自信を持って臨めました。', '20s', 'male', 'manufacturing', '1_3', 'joined', 'approved', 28],
  ['career-sprout', 4, '未経験からIT業界に転職できた', '販売職からITサポート職への転職でした。未経験歓迎の求人を中心に紹介してもらい、研修制度のある会社に入社できました。', '20s', 'male', 'retail', '3_5', 'joined', 'approved', 52],
  ['career-sprout', 3, '求人の幅はやや狭い', '未経験向けの求人が多い反面、経験を活かした転職を考えている人には物足りないかもしれません。サポート自体は丁寧でした。', '30s', 'female', 'it', '5_10', 'registered', 'approved', 77],
  ['career-sprout', 5, '夜の面談に対応してもらえた', '仕事が終わってから21時にオンラインで面談してもらえました。在職中でも無理なく転職活動を進められました。', '20s', 'no_answer', 'media', '1_3', 'joined', 'approved', 105],
  ['career-sprout', 2, '担当者の連絡が遅いことがあった', '担当の方が忙しいのか、メールの返信に数日かかることがありました。サポートの内容は良かっただけに残念です。', '20s', 'female', 'finance', 'lt1', 'registered', 'approved', 135],
  ['career-sprout', 4, '自己分析のワークが役に立った', '面談の前に送られてきた自己分析のシートが分かりやすく、自分の強みを言葉にするきっかけになりました。', '20s', 'female', 'no_answer', '1_3', 'registered', 'pending', 2],
  ['career-sprout', 5, 'いいサービスです', 'いいサービスです。いいサービスです。いいサービスです。いいサービスです。', '20s', 'male', 'other', 'lt1', 'registered', 'rejected', 11, ['not_firsthand', '同じ文の繰り返しで、利用体験の内容が確認できないため掲載を見送りました。']],
  // added later: appended so that earlier keys (seed-review-NN) never shift
  ['michibiki', 4, '企業ごとの社風まで教えてもらえた', '求人票だけでは分からない職場の雰囲気や残業の実態を、担当者が企業とのやり取りをもとに教えてくれました。入社後のギャップが小さかったです。', '30s', 'male', 'media', '3_5', 'joined', 'approved', 160],
  ['michibiki', 3, '地方の求人はやや少なめ', '地元での転職を希望していましたが、紹介される求人は首都圏が中心でした。リモート可の求人を含めると選択肢は広がりました。', '40s', 'female', 'manufacturing', '10_plus', 'registered', 'approved', 175],
  ['michibiki', 5, '退職交渉の相談に乗ってもらえた', '強い引き止めにあって困っていたところ、伝え方や退職日の決め方を具体的にアドバイスしてもらえました。円満に退職できました。', '20s', 'male', 'it', '3_5', 'joined', 'approved', 190],
  ['michibiki', 4, '応募書類の使い回しを防げた', '企業ごとに志望動機をどう変えるべきか、担当の方と一緒に整理しました。面接で一貫した話ができるようになりました。', '30s', 'female', 'finance', '5_10', 'joined', 'approved', 205],
  ['michibiki', 2, '面談の日程調整に時間がかかった', '最初の面談まで1週間以上待ちました。繁忙期だったのかもしれませんが、急いでいる人は早めに登録した方が良いです。', '20s', 'no_answer', 'retail', '1_3', 'registered', 'approved', 220],
]

// invented pen names, for every other review (the rest show 「匿名の利用者」)
const PEN_NAMES = ['ぽんた', 'みどり', '週末ランナー', 'とまと', 'ねこ好きPM', 'かける', 'しずく', 'あおば']

export const REVIEWS = rows.map(
  ([agent, rating, title, body, ageBand, gender, industry, experienceYears, usage, status, daysAgo, rejection], i) => ({
    key: `seed-review-${String(i + 1).padStart(2, '0')}`,
    agent,
    rating,
    title,
    body,
    ageBand,
    gender,
    industry,
    experienceYears,
    usage,
    status,
    daysAgo,
    rejectionCategory: rejection?.[0] ?? null,
    rejectionReason: rejection?.[1] ?? null,
    penName: i % 2 === 0 ? PEN_NAMES[(i / 2) % PEN_NAMES.length]! : null,
  }),
)

// The queries issue 24 timed on the 100,000-article archive (and their kin), with what a
// visitor is now answered, and the queries the admin's lists send as staff. Shared by the
// integration test, the hostile-input browser test and bench/api.ts, so the three try the same.

const TO_SEARCH = 'は使えません: 文章を探すときはサイトの検索(/search)をご利用ください。'
const TOO_DEEP = '2,000件より先のページは取得できません。検索条件(where)で絞り込んでください。'
const UNUSABLE = 'は使えません:'

/** [REST query after /api/, the 400's message] for each shape a visitor is refused. */
export const REFUSED_SHAPES: readonly (readonly [string, string])[] = [
  ['reviews?where[body][like]=の&limit=1', `検索条件 body[like] ${TO_SEARCH}`],
  ['reviews?where[body][contains]=の', `検索条件 body[contains] ${TO_SEARCH}`],
  ['articles?where[title][like]=の&limit=1', `検索条件 title[like] ${TO_SEARCH}`],
  [
    'reviews?where[or][0][body][like]=a&where[or][1][title][like]=b&limit=1',
    `検索条件 body[like] ${TO_SEARCH}`,
  ],
  [
    'articles?where[or][0][slug][equals]=x&where[or][1][promotional][equals]=true&limit=1',
    '検索条件 or の中の promotional[equals] は使えません: or の各条件は ID・スラッグ・関連先(agent など)の equals か in で指定してください。',
  ],
  [
    'reviews?where[helpfulCount][equals]=0&limit=1',
    '検索条件 helpfulCount[equals] だけでは絞り込めません: ID・スラッグ・関連先(agent など)の equals か in と組み合わせてください。',
  ],
  [
    'reviews?where[rating][equals]=5&limit=1',
    '検索条件 rating[equals] だけでは絞り込めません: ID・スラッグ・関連先(agent など)の equals か in と組み合わせてください。',
  ],
  // paths Payload passed to the database, which failed on them with a 500: a virtual array's
  // subfield and the inside of rich text (tests/int/apiQueryPaths.int.spec.ts tries every path)
  [
    'articles?where[bylines.name][like]=a',
    `検索条件 bylines.name[like] ${UNUSABLE} 保存されていない項目です(表示するときに作られます)`,
  ],
  [
    'articles?where[body.root.children][exists]=true',
    `検索条件 body.root.children[exists] ${UNUSABLE} リッチテキストやJSONの中身は検索できません`,
  ],
  ['reviews?sort=-helpfulCount&limit=100&page=9000', TOO_DEEP],
  ['articles?limit=10&page=201', TOO_DEEP],
  [
    'reviews?sort=-rating&limit=1',
    '並べ替え(sort)に rating は使えません。使える項目: id, agent, status, submittedAt, helpfulCount, updatedAt, createdAt',
  ],
  [
    'articles?sort=title&limit=1',
    '並べ替え(sort)に title は使えません。使える項目: id, slug, publishedAt, workflowState, promotional, featured, updatedAt, createdAt, _status',
  ],
]

/** What the admin's list views and pickers ask over REST, as staff: search, filter, sort, page. */
export const STAFF_LIST_QUERIES: readonly string[] = [
  'articles?depth=0&draft=true&limit=10&sort=-updatedAt',
  'articles?depth=0&draft=true&limit=10&sort=-updatedAt&where[or][0][and][0][title][like]=転職',
  'articles?depth=0&draft=true&limit=10&sort=title&page=50',
  'reviews?depth=0&limit=10&sort=-submittedAt&where[status][equals]=pending',
  'reviews?depth=0&limit=10&sort=-rating&where[rating][equals]=4',
  'reviews?depth=0&limit=10&sort=-submittedAt&where[or][0][and][0][title][like]=担当者',
  'agents?depth=0&limit=10&sort=name&where[or][0][and][0][name][like]=エージェント',
]

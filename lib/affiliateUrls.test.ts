import { describe, expect, it } from 'vitest'

import { blockNode, lexical, linkNode, paragraph } from '@/tests/helpers/fixtures'

import { DEFAULT_ASP_DOMAINS, findAspUrls, isAspHost } from './affiliateUrls'

describe('findAspUrls', () => {
  it('finds each listed ASP tracking domain in a link node', () => {
    for (const url of [
      'https://px.a8.net/svt/ejp?a8mat=3ABCDE',
      'https://t.afi-b.com/visit.php?guid=ON&a=x',
      'https://ck.jp.ap.valuecommerce.com/servlet/referral?sid=1&pid=2',
      'https://af.moshimo.com/af/c/click?a_id=1',
      'https://h.accesstrade.net/sp/cc?rk=0100abcd',
    ]) {
      const body = lexical({ ...paragraph(''), children: [linkNode(url, '公式サイト')] })
      expect(findAspUrls(body, DEFAULT_ASP_DOMAINS)).toEqual([url])
    }
  })

  it('finds a URL written in text, inside a block, or without a scheme', () => {
    expect(
      findAspUrls(
        lexical(paragraph('こちら https://px.a8.net/svt/ejp?a8mat=1 から')),
        DEFAULT_ASP_DOMAINS,
      ),
    ).toHaveLength(1)
    expect(
      findAspUrls(
        lexical(blockNode('callout', { body: '申込: https://af.moshimo.com/af/c/click?a_id=9' })),
        DEFAULT_ASP_DOMAINS,
      ),
    ).toHaveLength(1)
    expect(findAspUrls('px.a8.net/svt/ejp?a8mat=2', DEFAULT_ASP_DOMAINS)).toEqual([
      'px.a8.net/svt/ejp?a8mat=2',
    ])
  })

  it('leaves ordinary links, /go/ links and look-alike domains alone', () => {
    const body = lexical(
      { ...paragraph(''), children: [linkNode('https://www.mhlw.go.jp/', '厚労省')] },
      { ...paragraph(''), children: [linkNode('/go/michibiki-a8?from=body', '公式')] },
      paragraph('https://notpx.a8.net.example.com/ と https://a8.net/ は別物'),
    )
    expect(findAspUrls(body, DEFAULT_ASP_DOMAINS)).toEqual([])
  })

  it('matches subdomains of a listed domain but not its suffixes', () => {
    expect(isAspHost('t.afi-b.com', ['afi-b.com'])).toBe(true)
    expect(isAspHost('xafi-b.com', ['afi-b.com'])).toBe(false)
  })
})

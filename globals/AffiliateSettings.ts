import type { GlobalConfig } from 'payload'

import { isAdminField } from '@/access/isAdmin'
import { isEditorOrMarketer } from '@/access/isEditorOrMarketer'
import { isMarketer } from '@/access/isMarketer'
import { clearLinkCache } from '@/lib/clicks/linkCache'
import { isParameterName, SUB_ID_PLACEHOLDERS, subIdTemplateProblem } from '@/lib/clicks/subId'
import { l } from '@/lib/i18n'
import { ASPS, toOptions } from '@/lib/taxonomy'

const column = (name: string, ja: string, en: string, required = false) => ({
  name,
  type: 'text' as const,
  label: l(ja, en),
  required,
  maxLength: 80,
})

/** The marketers' settings: sub-IDs per ASP, how each ASP's results CSV is read, retention. */
export const AffiliateSettings: GlobalConfig = {
  slug: 'affiliate-settings',
  label: l('アフィリエイト設定', 'Affiliate settings'),
  admin: { group: l('収益', 'Revenue') },
  // working settings of the revenue team, not for the public API
  access: { read: isEditorOrMarketer, update: isMarketer },
  fields: [
    {
      name: 'subIds',
      type: 'array',
      label: l('ASPごとのサブID', 'Sub-IDs per ASP'),
      labels: { singular: l('ASP', 'ASP'), plural: l('ASP', 'ASPs') },
      admin: {
        description: l(
          `/go/ を通るたびに、ASPの計測URLのこのパラメータへサブIDを入れます(値はURLエンコードされます)。差し込み項目: ${SUB_ID_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}。{click} を入れると成果をクリック単位で記事・設置場所に結びつけられます。`,
          'Each /go/ click fills this parameter of the ASP tracking URL.',
        ),
      },
      validate: (rows: unknown) => {
        const asps = Array.isArray(rows) ? rows.map((row: { asp?: string }) => row?.asp) : []
        return new Set(asps).size === asps.length ? true : '同じASPが2回入っています。'
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'asp',
              type: 'select',
              label: l('ASP', 'ASP'),
              required: true,
              options: toOptions(ASPS),
            },
            {
              name: 'parameter',
              type: 'text',
              label: l('パラメータ名', 'Parameter'),
              required: true,
              validate: (value: unknown) =>
                isParameterName(value)
                  ? true
                  : 'パラメータ名は半角英数字・_・- で入力してください。',
            },
            {
              name: 'template',
              type: 'text',
              label: l('テンプレート', 'Template'),
              required: true,
              defaultValue: '{click}',
              validate: (value: unknown) =>
                typeof value === 'string' && value
                  ? (subIdTemplateProblem(value) ?? true)
                  : 'テンプレートを入力してください。',
            },
          ],
        },
      ],
    },
    {
      name: 'resultImports',
      type: 'array',
      label: l('成果CSVの読み方(ASPごと)', 'Results CSV columns per ASP'),
      labels: { singular: l('ASP', 'ASP'), plural: l('ASP', 'ASPs') },
      admin: {
        description: l(
          'ASPの成果レポートCSVの見出し名を入れます。一度設定すれば、以後は同じASPのCSVをそのまま取り込めます。',
          'Column headings of each ASP results CSV.',
        ),
      },
      fields: [
        {
          name: 'asp',
          type: 'select',
          label: l('ASP', 'ASP'),
          required: true,
          options: toOptions(ASPS),
        },
        {
          type: 'row',
          fields: [
            column('dateColumn', '発生日の列', 'Date column', true),
            column('subIdColumn', 'サブIDの列', 'Sub-ID column', true),
            column('statusColumn', '状態の列', 'Status column', true),
            column('rewardColumn', '報酬額の列', 'Reward column', true),
          ],
        },
        {
          type: 'row',
          fields: [
            column('orderIdColumn', '成果IDの列(あれば)', 'Order id column'),
            column('programColumn', 'プログラム名の列(あれば)', 'Program column'),
          ],
        },
        {
          type: 'row',
          fields: [
            {
              ...column('pendingWords', '「発生」とみなす値', 'Pending values'),
              defaultValue: '発生,未確定',
            },
            {
              ...column('confirmedWords', '「確定」とみなす値', 'Confirmed values'),
              defaultValue: '確定,承認',
            },
            {
              ...column('rejectedWords', '「否認」とみなす値', 'Rejected values'),
              defaultValue: '否認,非承認,キャンセル',
            },
          ],
        },
      ],
    },
    {
      name: 'clickRetentionMonths',
      type: 'number',
      label: l('クリック記録の保存期間(月)', 'Click retention (months)'),
      required: true,
      defaultValue: 25,
      min: 1,
      max: 120,
      // deleting data is an admin's decision
      access: { update: isAdminField },
      admin: {
        description: l(
          'これより古いクリック記録は毎日自動で削除され、削除の記録が残ります(日別の集計は残ります)。変更できるのは管理者だけです。',
          'Older clicks are deleted daily, and the deletion is logged. Admins only.',
        ),
      },
    },
  ],
  hooks: {
    // /go/ caches the sub-ID rules beside the links
    afterChange: [({ doc }) => (clearLinkCache(), doc)],
  },
}
